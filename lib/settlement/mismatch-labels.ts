// What each kind of mismatch is called on the merchant page and what to do about it
// (docs/settlement.md says the same at length).
import type { MismatchKind } from "./result";

export const MISMATCH_LABELS: Record<MismatchKind, { label: string; action: string }> = {
  "capture-without-order": {
    label: "Capture without an order",
    action: "Find the order by its Amazon charge id; if the shop never recorded it, record it or refund it.",
  },
  "capture-without-charge": {
    label: "Capture the order does not know",
    action: "Refresh the order from Amazon Pay on its page; the reconciler should then record the charge.",
  },
  "amount-differs": {
    label: "Amount differs",
    action: "Compare both amounts with the order's payment history; refresh it from Amazon Pay.",
  },
  "refund-without-record": {
    label: "Refund without a refund record",
    action: "Check the order's payment history: a refund made outside the shop must be recorded.",
  },
  chargeback: {
    label: "Chargeback",
    action: "The buyer's bank took the money back: answer the dispute in Seller Central in time.",
  },
  "not-settled": {
    label: "Captured, not settled",
    action: "Check the next report; if it is still missing, ask Amazon Pay merchant support.",
  },
  "line-does-not-add-up": {
    label: "Line does not add up",
    action: "The report's fee or net column is inconsistent: send the line to Amazon Pay merchant support.",
  },
  "unreadable-line": {
    label: "Unreadable line",
    action: "The shop could not read this line's currency or amounts: check it in the report itself.",
  },
  "duplicate-line": {
    label: "Listed twice",
    action: "The same movement is settled twice: ask Amazon Pay merchant support.",
  },
  "unexpected-type": {
    label: "Other movement",
    action: "An adjustment or other movement the shop does not reconcile: check it by hand.",
  },
  "totals-differ": {
    label: "Totals differ",
    action: "The report's own columns do not sum up; the lines above marked as not adding up explain it.",
  },
};
