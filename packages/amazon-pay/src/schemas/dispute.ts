// Disputes (chargebacks a buyer files with their bank): the Dispute object, and the Update
// Dispute and Contest Dispute bodies. Amazon sends a CHARGEBACK IPN when one opens or changes.
import { z } from "zod";
import { amazonTimestamp, isOneOf, nullable, openEnum } from "./lenient";
import { releaseEnvironmentSchema } from "./metadata";
import { priceSchema } from "./price";

export const DISPUTE_STATES = ["UnderReview", "ActionRequired", "Resolved", "Closed"] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export const isDisputeState = isOneOf(DISPUTE_STATES);

export const DISPUTE_REASON_CODES = [
  "MerchantResponseRequired",
  "MerchantAdditionalEvidencesRequired",
  "BuyerAdditionalEvidencesRequired",
  "MerchantAcceptedDispute",
  "MerchantResponseDeadlineExpired",
  "BuyerCancelled",
  "InvestigatorResolved",
  "AutoResolved",
  "ChargebackFiled",
] as const;
export type DisputeReasonCode = (typeof DISPUTE_REASON_CODES)[number];

export const DISPUTE_RESOLUTIONS = ["BuyerWon", "MerchantWon", "NoFault"] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];

export const DISPUTE_FILING_REASONS = [
  "ProductNotReceived",
  "ProductUnacceptable",
  "ProductNoLongerNeeded",
  "CreditNotProcessed",
  "Overcharged",
  "DuplicateCharge",
  "SubscriptionCancelled",
  "Unrecognized",
  "Fraudulent",
  "Other",
] as const;
export type DisputeFilingReason = (typeof DISPUTE_FILING_REASONS)[number];

export const EVIDENCE_TYPES = [
  "ProductDescription",
  "Receipt",
  "CancellationPolicy",
  "CustomerSignature",
  "TrackingNumber",
  "CarrierName",
  "DeviceId",
  "DeviceName",
  "DownloadDateTime",
  "Other",
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const evidenceSchema = z.looseObject({
  evidenceType: nullable(openEnum(EVIDENCE_TYPES)),
  fileId: nullable(z.string()),
  evidenceText: nullable(z.string()),
});

export const disputeSchema = z.looseObject({
  disputeId: z.string().min(1),
  chargeId: nullable(z.string()),
  disputeType: nullable(openEnum(["Chargeback"] as const)),
  disputeAmount: nullable(priceSchema),
  filingReason: nullable(openEnum(DISPUTE_FILING_REASONS)),
  statusDetails: z.looseObject({
    state: openEnum(DISPUTE_STATES),
    reasonCode: nullable(openEnum(DISPUTE_REASON_CODES)),
    reasonDescription: nullable(z.string()),
    resolution: nullable(openEnum(DISPUTE_RESOLUTIONS)),
    lastUpdatedTimestamp: nullable(amazonTimestamp),
  }),
  merchantEvidences: nullable(z.array(evidenceSchema)),
  merchantResponseDeadline: nullable(amazonTimestamp),
  resolutionAuthority: nullable(z.string()),
  creationTimestamp: nullable(amazonTimestamp),
  releaseEnvironment: nullable(releaseEnvironmentSchema),
});
export type Dispute = z.output<typeof disputeSchema>;

/** Update Dispute: a merchant accepts a dispute (Resolved, reasonCode MerchantAcceptedDispute). */
export const updateDisputeRequestSchema = z.strictObject({
  statusDetails: z.strictObject({
    state: z.enum(DISPUTE_STATES),
    resolution: z.enum(DISPUTE_RESOLUTIONS).optional(),
    reasonCode: z.enum(DISPUTE_REASON_CODES).optional(),
    reasonDescription: z.string().max(1024).optional(),
  }),
  /** When the dispute was closed: epoch seconds or milliseconds, or an ISO 8601 time. */
  closureTimestamp: z.union([z.number().int().nonnegative(), z.string().min(1)]).optional(),
});
export type UpdateDisputeBody = z.input<typeof updateDisputeRequestSchema>;

export const merchantEvidenceRequestSchema = z
  .strictObject({
    evidenceType: z.enum(EVIDENCE_TYPES),
    /** The id Upload File returned, once the file was uploaded to its URL. */
    fileId: z.string().min(1).optional(),
    evidenceText: z.string().min(1).max(10_000).optional(),
  })
  .refine((evidence) => evidence.fileId !== undefined || evidence.evidenceText !== undefined, {
    path: ["fileId"],
    error: "each evidence needs a fileId or an evidenceText",
  });

export const contestDisputeRequestSchema = z.strictObject({
  merchantEvidences: z.array(merchantEvidenceRequestSchema).min(1),
});
export type ContestDisputeBody = z.input<typeof contestDisputeRequestSchema>;
