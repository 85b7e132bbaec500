// Maps zod issues to Amazon's validation errors: unknown member ⇒ UnrecognizedField, missing
// member ⇒ MissingParameterValue, anything else ⇒ InvalidParameterValue naming the field. A custom
// issue may carry `params: { reasonCode, status? }` for other codes (e.g. InvalidParameterCombination).
import type { z } from "zod";
import { ApiError, invalidParameter, missingParameter, unrecognizedField } from "../core/api-error";

type Path = readonly PropertyKey[];

export function fieldName(path: Path): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out || "(body)";
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part as string];
  }
  return current;
}

export function issueToApiError(issues: readonly z.core.$ZodIssue[], input: unknown): ApiError {
  const unknownKey = issues.find((i) => i.code === "unrecognized_keys");
  if (unknownKey && unknownKey.code === "unrecognized_keys")
    return unrecognizedField(fieldName([...unknownKey.path, unknownKey.keys[0] ?? ""]));
  const issue = issues[0];
  if (!issue) return new ApiError(400, "InvalidRequest", "The request is invalid.");
  const field = fieldName(issue.path);
  if (issue.code === "custom") {
    const params = issue.params as { reasonCode?: string; status?: number } | undefined;
    if (params?.reasonCode) return new ApiError(params.status ?? 400, params.reasonCode, issue.message);
    return invalidParameter(field, issue.message);
  }
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined)
    return missingParameter(field);
  return invalidParameter(field, issue.message);
}

/** Parses a request body, throwing the Amazon-style validation error of its first problem. */
export function parseRequest<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw issueToApiError(result.error.issues, body);
}
