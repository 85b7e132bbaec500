// What the pre-signed URLs point at, as S3 would serve them: report documents to download and
// evidence files to upload. A URL past its lifetime (on the emulator clock) or with a wrong
// signature answers 403 with S3's XML error.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkPresigned } from "../core/presigned-urls";
import type { Emulator } from "../emulator";
import { filePath } from "../operations/files";
import { esc } from "../pages/html";
import { sendText } from "./respond";

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  sendText(
    res,
    status,
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error>`,
    "application/xml",
  );
}

/** Answers a refused URL; true when the URL may be used. */
function allowed(sb: Emulator, res: ServerResponse, path: string, query: URLSearchParams): boolean {
  const check = checkPresigned(path, query, sb.now());
  if (check === "valid") return true;
  if (check === "expired") s3Error(res, 403, "AccessDenied", "Request has expired");
  else s3Error(res, 403, "SignatureDoesNotMatch", "The request signature does not match.");
  return false;
}

/** Handles a report document download or a file upload; returns false when the path is not one. */
export function handleDocumentRoute(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
): boolean {
  const method = req.method ?? "GET";
  const documentPath = /^\/__emulator\/report-documents\/([^/]+)$/.exec(pathname);
  if (documentPath && method === "GET") {
    const id = documentPath[1] ?? "";
    const document = sb.store.reportDocuments.get(id);
    if (!allowed(sb, res, `/__emulator/report-documents/${encodeURIComponent(id)}`, query)) return true;
    if (!document) s3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
    else sendText(res, 200, document.content, document.contentType);
    return true;
  }
  const uploadPath = /^\/__emulator\/files\/([^/]+)$/.exec(pathname);
  if (uploadPath && method === "PUT") {
    const id = uploadPath[1] ?? "";
    const file = sb.store.files.get(id);
    if (!allowed(sb, res, filePath(id), query)) return true;
    if (!file) {
      s3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
      return true;
    }
    file.content = body;
    file.uploadedAt = sb.now();
    sendText(res, 200, "", "text/plain", { etag: `"${createHash("md5").update(body).digest("hex")}"` });
    return true;
  }
  return false;
}
