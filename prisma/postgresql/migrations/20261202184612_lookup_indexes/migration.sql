-- CreateIndex
CREATE INDEX "CheckoutSessionBinding_cartId_idx" ON "CheckoutSessionBinding"("cartId");

-- CreateIndex
CREATE INDEX "Order_chargePermissionId_idx" ON "Order"("chargePermissionId");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "ProcessedNotification_notificationId_idx" ON "ProcessedNotification"("notificationId");

