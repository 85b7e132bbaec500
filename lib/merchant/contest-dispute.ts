import "server-only";
// Contesting a dispute: each evidence file is uploaded (Upload File, then its bytes PUT to the
// URL Amazon answers), then Contest Dispute names the statement and the file ids. Only while
// Amazon waits for the merchant (ActionRequired) and before the response deadline. Every call
// carries a key derived from the action key, so a resumed or repeated form does it once.
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { disputeFactFromApi } from "@/lib/orders/dispute-facts-from-api";
import type { LedgerOutcome } from "./action-ledger";
import type { EvidenceFile } from "./evidence-files";
import type { FileEvidenceType } from "./evidence-limits";
import { audited, withOrder } from "./order-action";

export interface ContestInput {
  disputeId: string;
  statement: string;
  evidenceType: FileEvidenceType;
  files: EvidenceFile[];
}

const deadlineText = (deadline: Date) =>
  deadline.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** PUTs a file's bytes to the upload URL Amazon answered; throws when it is refused. */
async function putBytes(url: string, file: EvidenceFile): Promise<void> {
  const response = await fetch(url, {
    method: "PUT",
    body: Buffer.from(file.bytes),
    redirect: "error",
    signal: AbortSignal.timeout(30_000),
  });
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok)
    throw new EvidenceUploadError(`${file.name}: the upload was refused (HTTP ${response.status})`);
}

export class EvidenceUploadError extends Error {
  override name = "EvidenceUploadError";
}

export function contestDispute(
  orderNumber: string,
  key: string,
  input: ContestInput,
  now = new Date(),
): Promise<LedgerOutcome> {
  return withOrder(orderNumber, key, "contest-dispute", async (order) => {
    const dispute = order.disputes.find((d) => d.id === input.disputeId);
    if (!dispute) return { ok: false, error: "That dispute is not on this order." };
    if (dispute.state !== "ActionRequired")
      return {
        ok: false,
        error:
          dispute.state === "UnderReview"
            ? "This dispute is already contested; Amazon Pay is reviewing it."
            : "This dispute has ended; it can no longer be contested.",
      };
    if (dispute.responseDeadline && now.getTime() > dispute.responseDeadline.getTime())
      return {
        ok: false,
        error: `The window to answer this dispute closed on ${deadlineText(dispute.responseDeadline)}; Amazon Pay no longer accepts evidence for it.`,
      };
    const { client } = amazonPay();
    const fileIds: string[] = [];
    try {
      for (const [index, file] of input.files.entries()) {
        const { data } = await audited(order, () =>
          client.files.upload(
            { type: file.type, purpose: "disputeEvidence" },
            { idempotencyKey: idempotencyKeyFor("evidence-file", `${key}:${index}`) },
          ),
        );
        await putBytes(data.url, file);
        fileIds.push(data.id);
      }
    } catch (error) {
      if (!(error instanceof EvidenceUploadError) && !(error instanceof TypeError)) throw error;
      return {
        ok: false,
        error: `An evidence file could not be uploaded (${error instanceof EvidenceUploadError ? error.message : "no answer"}); nothing was sent. Try again.`,
      };
    }
    const { data } = await audited(order, () =>
      client.disputes.contest(
        dispute.id,
        {
          merchantEvidences: [
            { evidenceType: "Other", evidenceText: input.statement },
            ...fileIds.map((fileId) => ({ evidenceType: input.evidenceType, fileId })),
          ],
        },
        { idempotencyKey: idempotencyKeyFor("contest-dispute", key) },
      ),
    );
    await db().dispute.update({
      where: { id: dispute.id },
      data: { contestStatement: input.statement, evidenceFileIds: JSON.stringify(fileIds), contestedAt: now },
    });
    const parsed = disputeFactFromApi(data);
    if (parsed)
      await applyEventToOrder(db(), order.id, {
        type: "dispute.observed",
        source: "merchant",
        dispute: parsed.fact,
      });
    const files = fileIds.length === 1 ? "1 file" : `${fileIds.length} files`;
    return {
      ok: true,
      message: `Dispute contested with your statement and ${files}; Amazon Pay reviews it and decides.`,
    };
  });
}
