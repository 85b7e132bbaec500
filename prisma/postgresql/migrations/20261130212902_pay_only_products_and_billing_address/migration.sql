-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "billCity" TEXT,
ADD COLUMN     "billCountry" TEXT,
ADD COLUMN     "billLine1" TEXT,
ADD COLUMN     "billLine2" TEXT,
ADD COLUMN     "billLine3" TEXT,
ADD COLUMN     "billName" TEXT,
ADD COLUMN     "billPhone" TEXT,
ADD COLUMN     "billPostalCode" TEXT,
ADD COLUMN     "billState" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "requiresShipping" BOOLEAN NOT NULL DEFAULT true;

