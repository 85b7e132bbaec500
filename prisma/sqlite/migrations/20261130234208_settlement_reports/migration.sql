-- AlterTable
ALTER TABLE "Charge" ADD COLUMN "capturedAt" DATETIME;

-- CreateTable
CREATE TABLE "SettlementReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportType" TEXT NOT NULL,
    "reportDocumentId" TEXT NOT NULL,
    "settlementId" TEXT,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "reportCreatedAt" DATETIME,
    "document" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "mismatchCount" INTEGER NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reconciledAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SettlementReport_reportCreatedAt_idx" ON "SettlementReport"("reportCreatedAt");

