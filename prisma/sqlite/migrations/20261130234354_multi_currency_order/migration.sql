-- AlterTable
ALTER TABLE "Order" ADD COLUMN "exchangeRate" TEXT;
ALTER TABLE "Order" ADD COLUMN "ledgerCurrency" TEXT;
ALTER TABLE "Order" ADD COLUMN "ledgerTotalMinor" INTEGER;


-- Orders placed before multi-currency were charged in their ledger currency.
UPDATE "Order" SET "ledgerCurrency" = "currency", "ledgerTotalMinor" = "totalMinor", "exchangeRate" = '1' WHERE "ledgerCurrency" IS NULL;
