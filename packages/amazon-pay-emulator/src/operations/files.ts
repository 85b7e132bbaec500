// Upload File: an evidence file record and the pre-signed URL its bytes are PUT to; the PUT
// itself arrives on the emulator's own origin (http/document-routes.ts).
import { expiryOf, presign } from "../core/presigned-urls";
import { newFileId, uniqueId } from "../core/ids";
import type { FileRecord } from "../model/after-sale-records";
import { fileJson } from "../model/after-sale-serialize";
import { uploadFileSchema } from "../schemas/after-sale-requests";
import { parseRequest } from "../schemas/parse";
import type { OpContext, OpResult } from "./context";

export const filePath = (fileId: string) => `/__emulator/files/${encodeURIComponent(fileId)}`;

export function uploadFile(ctx: OpContext, raw: unknown): OpResult {
  const { sb } = ctx;
  const input = parseRequest(uploadFileSchema, raw);
  const now = sb.now();
  const lifetime = sb.config.fileUploadUrlSeconds;
  const file: FileRecord = {
    fileId: uniqueId(newFileId, (id) => sb.store.files.has(id)),
    merchantId: ctx.merchant.merchantId,
    type: input.type,
    purpose: input.purpose,
    createdAt: now,
    urlExpiresAt: expiryOf(now, lifetime),
    content: null,
    uploadedAt: null,
  };
  sb.store.files.set(file.fileId, file);
  return {
    status: 200,
    body: fileJson(file, `${sb.publicUrl}${presign(filePath(file.fileId), now, lifetime)}`),
  };
}
