// Dispute operations: Get Dispute, Update Dispute (a merchant accepts the chargeback) and
// Contest Dispute (evidence: texts, or files uploaded with Upload File).
import { invalidParameter } from "../core/api-error";
import { disputeJson } from "../model/after-sale-serialize";
import { contestDisputeSchema, updateDisputeSchema } from "../schemas/after-sale-requests";
import { fieldName, parseRequest } from "../schemas/parse";
import { disputeTransition } from "../state/dispute";
import { applyTransition } from "./apply-transition";
import type { OpContext, OpResult } from "./context";
import { changeDispute } from "./dispute-lifecycle";

export function getDispute(ctx: OpContext, id: string): OpResult {
  return { status: 200, body: disputeJson(ctx.sb.store.dispute(id, ctx.merchant.merchantId)) };
}

export function updateDispute(ctx: OpContext, id: string, raw: unknown): OpResult {
  const dispute = ctx.sb.store.dispute(id, ctx.merchant.merchantId);
  const { statusDetails } = parseRequest(updateDisputeSchema, raw);
  // Outcomes are decided by the resolution authority; a merchant's update can only accept.
  if (statusDetails.reasonCode !== "MerchantAcceptedDispute")
    throw invalidParameter(
      "statusDetails.reasonCode",
      "a merchant can only accept a dispute (MerchantAcceptedDispute)",
    );
  if (statusDetails.state !== "Resolved" && statusDetails.state !== "Closed")
    throw invalidParameter("statusDetails.state", "an accepted dispute is Resolved");
  if (statusDetails.resolution !== undefined && statusDetails.resolution !== "BuyerWon")
    throw invalidParameter("statusDetails.resolution", "a dispute the merchant accepts is won by the buyer");
  changeDispute(ctx.sb, dispute, { type: "accept" });
  return { status: 200, body: disputeJson(dispute) };
}

export function contestDispute(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const dispute = sb.store.dispute(id, ctx.merchant.merchantId);
  const input = parseRequest(contestDisputeSchema, raw);
  applyTransition(disputeTransition(dispute.status, { type: "contest" }));
  input.merchantEvidences.forEach((evidence, index) => {
    if (evidence.fileId === undefined) return;
    const file = sb.store.files.get(evidence.fileId);
    const field = fieldName(["merchantEvidences", index, "fileId"]);
    if (!file || file.merchantId !== ctx.merchant.merchantId)
      throw invalidParameter(field, `no file [${evidence.fileId}] was uploaded with Upload File`);
    if (!file.content) throw invalidParameter(field, "the file's content was never uploaded to its URL");
  });
  dispute.evidences.push(
    ...input.merchantEvidences.map((e) => ({
      evidenceType: e.evidenceType,
      fileId: e.fileId ?? null,
      evidenceText: e.evidenceText ?? null,
    })),
  );
  changeDispute(sb, dispute, { type: "contest" });
  return { status: 200, body: disputeJson(dispute) };
}
