-- The completion claim on Order (who may call Complete or Finalize now, until when, and the
-- generation its idempotency key is derived from), and Charge.inferred (a state inferred from
-- an HTTP status, to be confirmed by a read).
-- AlterTable
ALTER TABLE "Charge" ADD COLUMN     "inferred" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "completionClaimUntil" TIMESTAMP(3),
ADD COLUMN     "completionClaimedBy" TEXT,
ADD COLUMN     "completionGeneration" INTEGER NOT NULL DEFAULT 0;

