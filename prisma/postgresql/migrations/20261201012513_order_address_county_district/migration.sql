-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "billCounty" TEXT,
ADD COLUMN     "billDistrict" TEXT,
ADD COLUMN     "shipCounty" TEXT,
ADD COLUMN     "shipDistrict" TEXT;

