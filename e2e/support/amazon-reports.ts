// Amazon's sandbox makes a settlement report only on request: Create Report, signed with the e2e
// shop's own key (as the shop's server would sign it), then Get Report By Id until it is done.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { signRequest } from "@storefront/amazon-pay/signing";
import { E2E_DATA_DIR, EMULATOR_URL } from "./environment";
import { eventually } from "./checkout";

const SANDBOX_SETTLEMENT_REPORT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";

const merchant = () =>
  JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "local-merchant.json"), "utf8")) as {
    publicKeyId: string;
    privateKeyPem: string;
  };

const amazonTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

async function signedCall(method: "GET" | "POST", pathname: string, body?: unknown) {
  const { publicKeyId, privateKeyPem } = merchant();
  const url = new URL(pathname, EMULATOR_URL);
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": amazonTime(Date.now()).replace(/[-:]/g, ""),
    "x-amz-pay-host": url.host,
    "x-amz-pay-region": "na",
    ...(method === "POST" ? { "x-amz-pay-idempotency-key": randomBytes(12).toString("hex") } : {}),
  };
  const { authorization } = signRequest({
    method,
    url,
    headers,
    body: text,
    publicKeyId,
    privateKey: privateKeyPem,
    algorithm: "AMZN-PAY-RSASSA-PSS-V2",
  });
  const response = await fetch(url, {
    method,
    headers: { ...headers, authorization },
    body: method === "POST" ? text : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A sandbox settlement report of the last hour, COMPLETED; its report id. */
export async function settlementReportAtAmazon(): Promise<string> {
  const now = Date.now();
  const { reportId } = (await signedCall("POST", "/v2/reports", {
    reportType: SANDBOX_SETTLEMENT_REPORT,
    startTime: amazonTime(now - 3_600_000),
    endTime: amazonTime(now + 60_000),
  })) as { reportId: string };
  await eventually(
    () => signedCall("GET", `/v2/reports/${reportId}`),
    (report) => report.processingStatus === "COMPLETED",
  );
  return reportId;
}
