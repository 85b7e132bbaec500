// Get Buyer: the buyer behind a buyerToken from the sign-in button, by scope.
import { ApiError, resourceNotFound } from "../core/api-error";
import { findBuyer } from "../core/test-buyers";
import { addressJson } from "../model/serialize";
import type { OpContext, OpResult } from "./context";

export function getBuyer(ctx: OpContext, token: string): OpResult {
  const record = ctx.sb.store.buyerTokens.get(token);
  if (!record || record.expiresAt <= ctx.sb.now()) throw resourceNotFound("buyer token", token);
  if (record.merchantId !== ctx.merchant.merchantId) {
    throw new ApiError(401, "UnauthorizedAccess", "The buyer token was issued to another merchant.");
  }
  const buyer = findBuyer(record.buyerId);
  if (!buyer) throw resourceNotFound("buyer", record.buyerId);
  const has = (scope: (typeof record.scopes)[number]) => record.scopes.includes(scope);
  const home = buyer.addresses[0]?.address ?? buyer.billingAddress;
  return {
    status: 200,
    body: {
      buyerId: buyer.buyerId,
      name: has("name") ? buyer.name : null,
      email: has("email") ? buyer.email : null,
      postalCode: has("postalCode") ? home.postalCode : null,
      countryCode: has("postalCode") ? home.countryCode : null,
      shippingAddress: has("shippingAddress") ? addressJson(home) : null,
      billingAddress: has("billingAddress") ? addressJson(buyer.billingAddress) : null,
      phoneNumber: has("phoneNumber") ? buyer.phoneNumber : null,
      primeMembershipTypes: has("primeStatus") ? buyer.primeMembershipTypes : null,
    },
  };
}
