// Evidence files: Upload File answers an upload URL; the merchant PUTs the file's bytes there
// before the URL expires and names the file's id in Contest Dispute.
import { z } from "zod";
import { amazonTimestamp, nullable, openEnum } from "./lenient";

export const EVIDENCE_FILE_TYPES = ["csv", "pdf", "xls", "xlsx", "doc", "docx", "ods", "jpg", "png"] as const;
export type EvidenceFileType = (typeof EVIDENCE_FILE_TYPES)[number];

export const FILE_PURPOSES = ["disputeEvidence"] as const;

export const uploadFileRequestSchema = z.strictObject({
  type: z.enum(EVIDENCE_FILE_TYPES),
  purpose: z.enum(FILE_PURPOSES),
});
export type UploadFileBody = z.input<typeof uploadFileRequestSchema>;

export const uploadedFileSchema = z.looseObject({
  id: z.string().min(1),
  type: nullable(openEnum(EVIDENCE_FILE_TYPES)),
  purpose: nullable(openEnum(FILE_PURPOSES)),
  /** Where to PUT the file's bytes, until urlExpirationTimestamp. */
  url: z.string().min(1),
  /** Bytes received so far; null before the upload. */
  size: nullable(z.number().int().nonnegative()),
  uploadTimestamp: nullable(amazonTimestamp),
  urlExpirationTimestamp: nullable(amazonTimestamp),
});
export type UploadedFile = z.output<typeof uploadedFileSchema>;
