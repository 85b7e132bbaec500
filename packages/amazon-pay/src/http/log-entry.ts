// The entry the transport hands to the logging hook once per HTTP attempt.
import { type AmazonPayErrorKind } from "../errors";
import { type HttpMethod } from "./method";

export interface AmazonPayLogEntry {
  operation: string;
  method: HttpMethod;
  /** Path as called, buyer tokens redacted. */
  path: string;
  attempt: number;
  /** "retrying": this attempt failed and another follows after `retryInMs`. */
  outcome: "success" | "retrying" | "failed";
  status: number | null;
  reasonCode: string | null;
  requestId: string | null;
  idempotencyKey: string | null;
  durationMs: number;
  errorKind: AmazonPayErrorKind | null;
  errorMessage: string | null;
  retryInMs: number | null;
  /** Only with `logBodies`: redacted request and response bodies. */
  requestBody?: unknown;
  responseBody?: unknown;
}
export type AmazonPayLogger = (entry: AmazonPayLogEntry) => void;
