// Amazon Pay's dispute codes as sentences a merchant can act on: why the buyer disputed the
// charge (the filing reason) and where the dispute stands (the status reason code).
// https://developer.amazon.com/docs/amazon-pay-api-v2/dispute.html

const FILING_REASONS: Record<string, string> = {
  ProductNotReceived: "The buyer says the order never arrived.",
  ProductUnacceptable: "The buyer says the item was damaged, defective or not as described.",
  ProductNoLongerNeeded: "The buyer returned or canceled the order and wants the money back.",
  CreditNotProcessed: "The buyer says a promised refund or credit was never made.",
  Overcharged: "The buyer says they were charged more than they agreed to.",
  DuplicateCharge: "The buyer says they were charged twice for one order.",
  SubscriptionCancelled: "The buyer says they were charged after canceling.",
  Unrecognized: "The buyer does not recognize the charge.",
  Fraudulent: "The cardholder says they did not make this purchase.",
  Other: "The buyer gave another reason.",
};

const STATUS_REASONS: Record<string, string> = {
  MerchantResponseRequired: "Amazon Pay waits for your answer: contest with evidence before the deadline.",
  MerchantAdditionalEvidencesRequired: "Amazon Pay asks you for more evidence before the deadline.",
  BuyerAdditionalEvidencesRequired: "Amazon Pay asked the buyer for more evidence.",
  MerchantAcceptedDispute: "You accepted the dispute; the buyer keeps the money.",
  MerchantResponseDeadlineExpired: "The deadline passed without an answer; the buyer keeps the money.",
  BuyerCancelled: "The buyer withdrew the dispute.",
  InvestigatorResolved: "Amazon Pay decided after reviewing the evidence.",
  AutoResolved: "The dispute was resolved automatically.",
  ChargebackFiled: "The buyer's bank filed a chargeback.",
};

/** Why the buyer disputed the charge, in words; unknown codes are shown as they are. */
export const filingReasonText = (code: string | null): string =>
  code ? (FILING_REASONS[code] ?? `Amazon Pay gives the reason "${code}".`) : "No reason was given.";

/** Where the dispute stands, in words; null when Amazon gave no reason code. */
export const statusReasonText = (code: string | null): string | null =>
  code ? (STATUS_REASONS[code] ?? `Amazon Pay reports "${code}".`) : null;

/** The kind of dispute, in words: a bank's chargeback, or a claim filed with Amazon. */
export const disputeTypeText = (type: string): string =>
  type === "Chargeback" ? "Chargeback" : /a-?to-?z/i.test(type) ? "A-to-z Guarantee claim" : type;
