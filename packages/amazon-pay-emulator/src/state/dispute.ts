// Dispute state machine (chargebacks): ActionRequired(MerchantResponseRequired) → UnderReview
// when the merchant contests → Resolved(MerchantWon | BuyerWon). The merchant may accept instead,
// and a deadline passing without an answer resolves it for the buyer. Resolved is final.
import type {
  DisputeReasonCode,
  DisputeResolution,
  DisputeState,
} from "@storefront/amazon-pay/schemas/dispute";
import { allow, refuse, type Transition } from "./transition";

export interface DisputeStatus {
  state: DisputeState;
  reasonCode: DisputeReasonCode | null;
  resolution: DisputeResolution | null;
}

export type DisputeEvent =
  | { type: "contest" }
  | { type: "accept" }
  | { type: "deadlineExpired" }
  | { type: "decide"; winner: "merchant" | "buyer" }
  | { type: "requestEvidence" };

export const DISPUTE_REASON_DESCRIPTIONS: Record<string, string> = {
  MerchantResponseRequired: "The buyer filed a chargeback; contest it with evidence or accept it.",
  MerchantAdditionalEvidencesRequired: "More evidence is needed from the merchant.",
  MerchantAcceptedDispute: "The merchant accepted the dispute.",
  MerchantResponseDeadlineExpired: "The merchant did not respond before the deadline.",
  InvestigatorResolved: "The dispute was decided after a review of the evidence.",
};

export const openedDisputeStatus = (): DisputeStatus => ({
  state: "ActionRequired",
  reasonCode: "MerchantResponseRequired",
  resolution: null,
});

const resolved = (resolution: DisputeResolution, reasonCode: DisputeReasonCode): DisputeStatus => ({
  state: "Resolved",
  reasonCode,
  resolution,
});

export function disputeTransition(s: DisputeStatus, event: DisputeEvent): Transition<DisputeStatus> {
  const wrongState = (allowed: string) =>
    refuse<DisputeStatus>(
      422,
      "InvalidDisputeStatus",
      `The Dispute is ${s.state}${s.resolution ? ` (${s.resolution})` : ""}; this is only possible while it is ${allowed}.`,
    );
  if (s.state === "Resolved" || s.state === "Closed") return wrongState("ActionRequired or UnderReview");
  switch (event.type) {
    case "contest":
      if (s.state !== "ActionRequired") return wrongState("ActionRequired");
      return allow({ state: "UnderReview", reasonCode: null, resolution: null });
    case "accept":
      return allow(resolved("BuyerWon", "MerchantAcceptedDispute"));
    case "deadlineExpired":
      if (s.state !== "ActionRequired") return wrongState("ActionRequired");
      return allow(resolved("BuyerWon", "MerchantResponseDeadlineExpired"));
    case "decide":
      return allow(
        resolved(event.winner === "merchant" ? "MerchantWon" : "BuyerWon", "InvestigatorResolved"),
      );
    case "requestEvidence":
      if (s.state !== "UnderReview") return wrongState("UnderReview");
      return allow({
        state: "ActionRequired",
        reasonCode: "MerchantAdditionalEvidencesRequired",
        resolution: null,
      });
  }
}
