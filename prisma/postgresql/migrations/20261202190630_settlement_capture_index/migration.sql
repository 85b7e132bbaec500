-- CreateIndex
CREATE INDEX "Charge_state_capturedAt_updatedAt_idx" ON "Charge"("state", "capturedAt", "updatedAt");

