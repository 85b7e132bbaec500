-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT,
    "chargeId" TEXT,
    "chargePermissionId" TEXT,
    "disputeType" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reasonCode" TEXT,
    "filingReason" TEXT,
    "resolution" TEXT,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL,
    "responseDeadline" DATETIME,
    "amazonUpdatedAt" DATETIME NOT NULL,
    "contestStatement" TEXT,
    "evidenceFileIds" TEXT,
    "contestedAt" DATETIME,
    "resolvedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" DATETIME,
    "pollAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dispute_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place: the Order table is not rebuilt)
ALTER TABLE "Order" ADD COLUMN "chargedBackMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "disputeStatus" TEXT NOT NULL DEFAULT 'None';

-- CreateIndex
CREATE INDEX "Dispute_orderId_idx" ON "Dispute"("orderId");

-- CreateIndex
CREATE INDEX "Dispute_state_responseDeadline_idx" ON "Dispute"("state", "responseDeadline");

-- CreateIndex
CREATE INDEX "Dispute_nextPollAt_idx" ON "Dispute"("nextPollAt");

