// File operations: upload (an upload URL for dispute evidence).
import { type IdempotentCallOptions } from "../call-options";
import {
  uploadedFileSchema,
  uploadFileRequestSchema,
  type UploadedFile,
  type UploadFileBody,
} from "../schemas/file";
import { type CallOperation, type Result } from "./operation";

export interface FileOperations {
  upload(body: UploadFileBody, options?: IdempotentCallOptions): Result<UploadedFile>;
}

export function fileOperations(call: CallOperation): FileOperations {
  return {
    upload: (body, o) =>
      call(
        {
          operation: "uploadFile",
          method: "POST",
          path: "/v2/files",
          request: uploadFileRequestSchema,
          body,
          response: uploadedFileSchema,
        },
        o,
      ),
  };
}
