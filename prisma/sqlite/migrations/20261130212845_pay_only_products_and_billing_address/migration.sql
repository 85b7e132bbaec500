-- AlterTable
ALTER TABLE "Order" ADD COLUMN "billCity" TEXT;
ALTER TABLE "Order" ADD COLUMN "billCountry" TEXT;
ALTER TABLE "Order" ADD COLUMN "billLine1" TEXT;
ALTER TABLE "Order" ADD COLUMN "billLine2" TEXT;
ALTER TABLE "Order" ADD COLUMN "billLine3" TEXT;
ALTER TABLE "Order" ADD COLUMN "billName" TEXT;
ALTER TABLE "Order" ADD COLUMN "billPhone" TEXT;
ALTER TABLE "Order" ADD COLUMN "billPostalCode" TEXT;
ALTER TABLE "Order" ADD COLUMN "billState" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "imagePath" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "requiresShipping" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Product" ("active", "createdAt", "currency", "description", "id", "imagePath", "name", "priceMinor", "slug", "sortOrder", "updatedAt") SELECT "active", "createdAt", "currency", "description", "id", "imagePath", "name", "priceMinor", "slug", "sortOrder", "updatedAt" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

