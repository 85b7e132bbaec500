-- AlterTable
ALTER TABLE "Order" ADD COLUMN "billCounty" TEXT;
ALTER TABLE "Order" ADD COLUMN "billDistrict" TEXT;
ALTER TABLE "Order" ADD COLUMN "shipCounty" TEXT;
ALTER TABLE "Order" ADD COLUMN "shipDistrict" TEXT;

