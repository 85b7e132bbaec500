// What the contest form accepts, for the server's checks (lib/merchant/evidence-files.ts) and the
// form's hints alike: no zod here, so the browser can import it. The limits keep the whole form
// under the 1 MB a server action accepts (lib/security/page-post-guard.ts).
import type { EvidenceFileType } from "@storefront/amazon-pay/schemas/file";

export const MAX_EVIDENCE_FILES = 3;
/** All files together; the statement and the form's own fields fit in what is left of 1 MB. */
export const MAX_EVIDENCE_BYTES = 900 * 1024;
export const MIN_STATEMENT_CHARS = 20;
export const MAX_STATEMENT_CHARS = 5_000;

/** File name extensions, and the type Amazon Pay's Upload File names each. */
export const EVIDENCE_EXTENSIONS: Record<string, EvidenceFileType> = {
  pdf: "pdf",
  png: "png",
  jpg: "jpg",
  jpeg: "jpg",
  csv: "csv",
  xls: "xls",
  xlsx: "xlsx",
  doc: "doc",
  docx: "docx",
  ods: "ods",
};

export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_EXTENSIONS)
  .map((extension) => `.${extension}`)
  .join(",");

/** What the attached files show, as Amazon names evidence, with the words the form uses. */
export const FILE_EVIDENCE_TYPES = {
  Receipt: "Receipt or invoice",
  TrackingNumber: "Proof of delivery (tracking)",
  ProductDescription: "Product description",
  CancellationPolicy: "Cancellation or refund policy",
  CustomerSignature: "Buyer's signature",
  Other: "Other",
} as const;
export type FileEvidenceType = keyof typeof FILE_EVIDENCE_TYPES;
