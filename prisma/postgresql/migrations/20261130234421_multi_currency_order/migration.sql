-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "exchangeRate" TEXT,
ADD COLUMN     "ledgerCurrency" TEXT,
ADD COLUMN     "ledgerTotalMinor" INTEGER;


-- Orders placed before multi-currency were charged in their ledger currency.
UPDATE "Order" SET "ledgerCurrency" = "currency", "ledgerTotalMinor" = "totalMinor", "exchangeRate" = '1' WHERE "ledgerCurrency" IS NULL;
