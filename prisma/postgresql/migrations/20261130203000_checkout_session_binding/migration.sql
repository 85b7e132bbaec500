-- The table "CheckoutSession" holds the shop's binding of a Checkout Session id to a cart, not
-- Amazon's Checkout Session: it becomes "CheckoutSessionBinding", every row kept, with its
-- primary key (and that key's index) and its foreign key renamed to match.
ALTER TABLE "CheckoutSession" RENAME TO "CheckoutSessionBinding";
ALTER TABLE "CheckoutSessionBinding" RENAME CONSTRAINT "CheckoutSession_pkey" TO "CheckoutSessionBinding_pkey";
ALTER TABLE "CheckoutSessionBinding" RENAME CONSTRAINT "CheckoutSession_cartId_fkey" TO "CheckoutSessionBinding_cartId_fkey";
