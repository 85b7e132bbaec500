-- The table "CheckoutSession" holds the shop's binding of a Checkout Session id to a cart, not
-- Amazon's Checkout Session: it becomes "CheckoutSessionBinding", every row kept. SQLite cannot
-- rename a constraint, so the table is rebuilt under the new name and its rows copied over.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;

CREATE TABLE "CheckoutSessionBinding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cartId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "shippingMethod" TEXT NOT NULL DEFAULT 'standard',
    "shipCountry" TEXT,
    "shipState" TEXT,
    "buyNowProductId" TEXT,
    "buyNowQuantity" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CheckoutSessionBinding_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "CheckoutSessionBinding" ("id", "cartId", "flow", "shippingMethod", "shipCountry", "shipState", "buyNowProductId", "buyNowQuantity", "createdAt", "updatedAt")
SELECT "id", "cartId", "flow", "shippingMethod", "shipCountry", "shipState", "buyNowProductId", "buyNowQuantity", "createdAt", "updatedAt" FROM "CheckoutSession";

DROP TABLE "CheckoutSession";

PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
