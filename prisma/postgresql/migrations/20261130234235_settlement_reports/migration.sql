-- AlterTable
ALTER TABLE "Charge" ADD COLUMN     "capturedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SettlementReport" (
    "id" TEXT NOT NULL,
    "reportType" TEXT NOT NULL,
    "reportDocumentId" TEXT NOT NULL,
    "settlementId" TEXT,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "reportCreatedAt" TIMESTAMP(3),
    "document" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "mismatchCount" INTEGER NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reconciledAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SettlementReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SettlementReport_reportCreatedAt_idx" ON "SettlementReport"("reportCreatedAt");

