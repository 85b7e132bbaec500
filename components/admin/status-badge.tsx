interface StatusBadgeProps {
  status: string;
}

const TONES: Record<string, string> = {
  Paid: "badge--ok",
  PartiallyPaid: "badge--ok",
  Authorized: "badge--ok",
  AwaitingCharge: "badge--warn",
  PaymentPending: "badge--warn",
  Draft: "",
  Failed: "badge--error",
  Canceled: "badge--error",
  Refunded: "",
  PartiallyRefunded: "badge--warn",
  Captured: "badge--ok",
  Declined: "badge--error",
  AuthorizationInitiated: "badge--warn",
  RefundInitiated: "badge--warn",
  Shipped: "badge--ok",
  Chargeable: "badge--ok",
  Closed: "",
  ActionRequired: "badge--error",
  UnderReview: "badge--warn",
  Resolved: "",
};

export function StatusBadge({ status }: StatusBadgeProps) {
  return <span className={`badge ${TONES[status] ?? ""}`}>{status}</span>;
}
