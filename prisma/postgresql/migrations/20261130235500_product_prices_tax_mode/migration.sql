-- CreateTable
CREATE TABLE "ProductPrice" (
    "productId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,

    CONSTRAINT "ProductPrice_pkey" PRIMARY KEY ("productId","currency")
);

-- AddForeignKey
ALTER TABLE "ProductPrice" ADD CONSTRAINT "ProductPrice_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every product keeps its price, now as a row of ProductPrice.
INSERT INTO "ProductPrice" ("productId", "currency", "amountMinor") SELECT "id", "currency", "priceMinor" FROM "Product";

-- AlterTable
ALTER TABLE "Cart" DROP COLUMN "currency";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "taxMode" TEXT NOT NULL DEFAULT 'sales-tax';

-- AlterTable
ALTER TABLE "Product" DROP COLUMN "currency",
DROP COLUMN "priceMinor";
