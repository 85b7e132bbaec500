-- The completion claim on Order (who may call Complete or Finalize now, until when, and the
-- generation its idempotency key is derived from), and Charge.inferred (a state inferred from
-- an HTTP status, to be confirmed by a read).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Charge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "capturedMinor" INTEGER NOT NULL DEFAULT 0,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL,
    "inferred" BOOLEAN NOT NULL DEFAULT false,
    "reasonCode" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" DATETIME,
    "pollAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Charge_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Charge" ("amountMinor", "capturedMinor", "createdAt", "currency", "id", "nextPollAt", "orderId", "pollAttempts", "reasonCode", "refundedMinor", "state", "updatedAt", "version") SELECT "amountMinor", "capturedMinor", "createdAt", "currency", "id", "nextPollAt", "orderId", "pollAttempts", "reasonCode", "refundedMinor", "state", "updatedAt", "version" FROM "Charge";
DROP TABLE "Charge";
ALTER TABLE "new_Charge" RENAME TO "Charge";
CREATE INDEX "Charge_orderId_idx" ON "Charge"("orderId");
CREATE INDEX "Charge_nextPollAt_idx" ON "Charge"("nextPollAt");
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderNumber" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "checkoutSessionId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fulfillmentStatus" TEXT NOT NULL DEFAULT 'Unfulfilled',
    "paymentIntent" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "subtotalMinor" INTEGER NOT NULL,
    "shippingMinor" INTEGER NOT NULL,
    "taxMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "capturedMinor" INTEGER NOT NULL DEFAULT 0,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "shippingMethod" TEXT NOT NULL,
    "chargePermissionId" TEXT,
    "chargePermissionState" TEXT,
    "chargePermissionAt" DATETIME,
    "chargeId" TEXT,
    "buyerName" TEXT,
    "buyerEmail" TEXT,
    "shipName" TEXT,
    "shipLine1" TEXT,
    "shipLine2" TEXT,
    "shipLine3" TEXT,
    "shipCity" TEXT,
    "shipState" TEXT,
    "shipPostalCode" TEXT,
    "shipCountry" TEXT,
    "shipPhone" TEXT,
    "paymentDescriptor" TEXT,
    "failureReason" TEXT,
    "carrierCode" TEXT,
    "trackingNumber" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "redirectedAt" DATETIME,
    "completionStartedAt" DATETIME,
    "completionClaimedBy" TEXT,
    "completionClaimUntil" DATETIME,
    "completionGeneration" INTEGER NOT NULL DEFAULT 0,
    "cartClearedAt" DATETIME,
    "nextCheckAt" DATETIME,
    "checkAttempts" INTEGER NOT NULL DEFAULT 0,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "shippedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("buyerEmail", "buyerName", "capturedMinor", "carrierCode", "cartClearedAt", "cartId", "chargeId", "chargePermissionAt", "chargePermissionId", "chargePermissionState", "checkAttempts", "checkoutSessionId", "completedAt", "completionStartedAt", "createdAt", "currency", "failureReason", "flow", "fulfillmentStatus", "id", "nextCheckAt", "orderNumber", "paymentDescriptor", "paymentIntent", "placedAt", "redirectedAt", "refundedMinor", "shipCity", "shipCountry", "shipLine1", "shipLine2", "shipLine3", "shipName", "shipPhone", "shipPostalCode", "shipState", "shippedAt", "shippingMethod", "shippingMinor", "status", "subtotalMinor", "taxMinor", "totalMinor", "trackingNumber", "updatedAt", "version") SELECT "buyerEmail", "buyerName", "capturedMinor", "carrierCode", "cartClearedAt", "cartId", "chargeId", "chargePermissionAt", "chargePermissionId", "chargePermissionState", "checkAttempts", "checkoutSessionId", "completedAt", "completionStartedAt", "createdAt", "currency", "failureReason", "flow", "fulfillmentStatus", "id", "nextCheckAt", "orderNumber", "paymentDescriptor", "paymentIntent", "placedAt", "redirectedAt", "refundedMinor", "shipCity", "shipCountry", "shipLine1", "shipLine2", "shipLine3", "shipName", "shipPhone", "shipPostalCode", "shipState", "shippedAt", "shippingMethod", "shippingMinor", "status", "subtotalMinor", "taxMinor", "totalMinor", "trackingNumber", "updatedAt", "version" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_orderNumber_key" ON "Order"("orderNumber");
CREATE UNIQUE INDEX "Order_checkoutSessionId_key" ON "Order"("checkoutSessionId");
CREATE INDEX "Order_status_idx" ON "Order"("status");
CREATE INDEX "Order_cartId_idx" ON "Order"("cartId");
CREATE INDEX "Order_nextCheckAt_idx" ON "Order"("nextCheckAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

