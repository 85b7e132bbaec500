// In-memory objects, each owned by the merchant that created it. Lookups by another merchant are
// answered as configured (UnauthorizedAccess or ResourceNotFound).
import { ApiError, resourceNotFound } from "../core/api-error";
import type {
  DisputeRecord,
  FileRecord,
  ReportDocumentRecord,
  ReportRecord,
  ReportScheduleRecord,
} from "./after-sale-records";
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
  readonly reports = new Map<string, ReportRecord>();
  readonly reportDocuments = new Map<string, ReportDocumentRecord>();
  readonly reportSchedules = new Map<string, ReportScheduleRecord>();
  readonly disputes = new Map<string, DisputeRecord>();
  readonly files = new Map<string, FileRecord>();
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

  report(id: string, merchantId: string): ReportRecord {
    return this.owned(this.reports, "Report", id, merchantId);
  }

  reportDocument(id: string, merchantId: string): ReportDocumentRecord {
    return this.owned(this.reportDocuments, "Report Document", id, merchantId);
  }

  reportSchedule(id: string, merchantId: string): ReportScheduleRecord {
    return this.owned(this.reportSchedules, "Report Schedule", id, merchantId);
  }

  dispute(id: string, merchantId: string): DisputeRecord {
    return this.owned(this.disputes, "Dispute", id, merchantId);
  }

  file(id: string, merchantId: string): FileRecord {
    return this.owned(this.files, "File", id, merchantId);
  }

  clear(): void {
    this.checkoutSessions.clear();
    this.chargePermissions.clear();
    this.charges.clear();
    this.refunds.clear();
    this.buyerTokens.clear();
    this.signIns.clear();
    this.deliveryTrackers.length = 0;
    this.reports.clear();
    this.reportDocuments.clear();
    this.reportSchedules.clear();
    this.disputes.clear();
    this.files.clear();
    this.purgedSessions.clear();
  }
}
