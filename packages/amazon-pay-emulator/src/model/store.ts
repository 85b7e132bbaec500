// In-memory objects, each owned by the merchant that created it. Lookups by another merchant are
// answered as configured (UnauthorizedAccess or ResourceNotFound).
import { ApiError, resourceNotFound } from "../core/api-error";
import type {
  BuyerTokenRecord,
  ChargePermissionRecord,
  ChargeRecord,
  CheckoutSessionRecord,
  DeliveryTrackerRecord,
  RefundRecord,
  SignInRecord,
} from "./records";

export type ForeignObjectError = "UnauthorizedAccess" | "ResourceNotFound";

interface Owned {
  merchantId: string;
}

export class ObjectStore {
  readonly checkoutSessions = new Map<string, CheckoutSessionRecord>();
  readonly chargePermissions = new Map<string, ChargePermissionRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly buyerTokens = new Map<string, BuyerTokenRecord>();
  readonly signIns = new Map<string, SignInRecord>();
  readonly deliveryTrackers: DeliveryTrackerRecord[] = [];
  /** Session ids deleted after the retention period (GET answers 404). */
  readonly purgedSessions = new Set<string>();

  constructor(private readonly foreignObjectError: () => ForeignObjectError) {}

  private owned<T extends Owned>(map: Map<string, T>, kind: string, id: string, merchantId: string): T {
    const found = map.get(id);
    if (!found) throw resourceNotFound(kind, id);
    if (found.merchantId !== merchantId) {
      if (this.foreignObjectError() === "ResourceNotFound") throw resourceNotFound(kind, id);
      throw new ApiError(
        401,
        "UnauthorizedAccess",
        `The merchant account is not authorized to access the ${kind} [${id}].`,
      );
    }
    return found;
  }

  session(id: string, merchantId: string): CheckoutSessionRecord {
    return this.owned(this.checkoutSessions, "Checkout Session", id, merchantId);
  }

  chargePermission(id: string, merchantId: string): ChargePermissionRecord {
    return this.owned(this.chargePermissions, "Charge Permission", id, merchantId);
  }

  charge(id: string, merchantId: string): ChargeRecord {
    return this.owned(this.charges, "Charge", id, merchantId);
  }

  refund(id: string, merchantId: string): RefundRecord {
    return this.owned(this.refunds, "Refund", id, merchantId);
  }

  clear(): void {
    this.checkoutSessions.clear();
    this.chargePermissions.clear();
    this.charges.clear();
    this.refunds.clear();
    this.buyerTokens.clear();
    this.signIns.clear();
    this.deliveryTrackers.length = 0;
    this.purgedSessions.clear();
  }
}
