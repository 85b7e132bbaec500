// An API error shown to the buyer as an HTML page.
import type { ServerResponse } from "node:http";
import type { ApiError } from "../core/api-error";
import { errorPage } from "../pages/html";
import { sendHtml } from "./respond";

export function showError(
  res: ServerResponse,
  error: ApiError,
  title = "Amazon Pay could not continue",
): void {
  sendHtml(res, error.status, errorPage(title, error.reasonCode, error.message), error.reasonCode);
}
