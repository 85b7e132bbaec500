-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "chargedBackMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disputeStatus" TEXT NOT NULL DEFAULT 'None';

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
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
    "filedAt" TIMESTAMP(3) NOT NULL,
    "responseDeadline" TIMESTAMP(3),
    "amazonUpdatedAt" TIMESTAMP(3) NOT NULL,
    "contestStatement" TEXT,
    "evidenceFileIds" TEXT,
    "contestedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" TIMESTAMP(3),
    "pollAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dispute_orderId_idx" ON "Dispute"("orderId");

-- CreateIndex
CREATE INDEX "Dispute_state_responseDeadline_idx" ON "Dispute"("state", "responseDeadline");

-- CreateIndex
CREATE INDEX "Dispute_nextPollAt_idx" ON "Dispute"("nextPollAt");

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

