// The emulator's request verification: what it accepts, from every SDK's way of signing to the
// published vectors.
import { createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyRequest, type RequestToVerify } from "./verify-request";
import {
  PUBLISHED_REQUEST,
  PUBLISHED_SIGNATURES,
  UNIT_TEST_PUBLIC_KEY_PEM,
} from "@storefront/amazon-pay/test-fixtures/published-vector";
import { basicDate, build, deps, extendedDate, NOW, record, rejection } from "./signed-request-fixture";

describe("request verification", () => {
  it("accepts V1 (salt 20) and V2 (salt 32) signatures", () => {
    expect(verifyRequest(build({ algorithm: "AMZN-PAY-RSASSA-PSS" }), deps())).toBe(record);
    expect(verifyRequest(build({ algorithm: "AMZN-PAY-RSASSA-PSS-V2" }), deps())).toBe(record);
  });

  it("accepts both x-amz-pay-date formats", () => {
    expect(verifyRequest(build({ headers: { "x-amz-pay-date": basicDate(NOW - 60_000) } }), deps())).toBe(
      record,
    );
    expect(verifyRequest(build({ headers: { "x-amz-pay-date": extendedDate(NOW + 60_000) } }), deps())).toBe(
      record,
    );
  });

  it("accepts a request signed as the official Node SDK signs it (extended date, every header and user-agent signed)", () => {
    const req = build({
      algorithm: "AMZN-PAY-RSASSA-PSS",
      headers: {
        "x-amz-pay-date": extendedDate(NOW),
        "x-amz-pay-region": "us",
        "x-amz-pay-simulation-code": "Declined",
        "user-agent": "amazon-pay-api-sdk-nodejs/2.3.3 (JS/20.0.0; linux)",
      },
    });
    expect(req.headers.authorization as string).toContain(
      "SignedHeaders=accept;content-type;user-agent;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region;x-amz-pay-simulation-code",
    );
    expect(verifyRequest(req, deps())).toBe(record);
  });

  it("ignores unsigned headers (PHP sends most of them unsigned)", () => {
    const req = build({
      signHeaders: ["accept", "content-type", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region"],
    });
    req.headers["x-amz-pay-simulation-code"] = "Declined";
    req.headers["x-amz-pay-sdk-type"] = "PHP";
    expect(verifyRequest(req, deps())).toBe(record);
  });

  it("verifies over the raw path: a trailing slash is part of what was signed", () => {
    const req = build({ method: "GET", path: "/sandbox/v2/checkoutSessions/abc/", body: "" });
    expect(verifyRequest(req, deps())).toBe(record);
    expect(rejection({ ...req, rawPath: "/sandbox/v2/checkoutSessions/abc" }).reasonCode).toBe(
      "InvalidRequestSignature",
    );
  });

  it("verifies Amazon's published V1 and V2 vectors", () => {
    const unitTestKey = createPublicKey(UNIT_TEST_PUBLIC_KEY_PEM);
    const { headers, body } = PUBLISHED_REQUEST;
    const signed = Object.keys(headers).join(";");
    const vectors = PUBLISHED_SIGNATURES;
    const d = deps({
      merchant: () => ({ record, key: unitTestKey }),
      realNow: () => PUBLISHED_REQUEST.signedAt,
    });
    for (const [algorithm, signature] of Object.entries(vectors)) {
      const authorization = `${algorithm} PublicKeyId=${PUBLISHED_REQUEST.publicKeyId}, SignedHeaders=${signed}, Signature=${signature}`;
      const req: RequestToVerify = {
        method: PUBLISHED_REQUEST.method,
        rawPath: PUBLISHED_REQUEST.path,
        query: new URLSearchParams(),
        headers: { ...headers, authorization },
        body: Buffer.from(body),
      };
      expect(verifyRequest(req, d)).toBe(record);
      // The same signature under the other algorithm name has the wrong salt length.
      const other = algorithm === "AMZN-PAY-RSASSA-PSS" ? "AMZN-PAY-RSASSA-PSS-V2" : "AMZN-PAY-RSASSA-PSS";
      expect(
        rejection(
          {
            ...req,
            headers: { ...req.headers, authorization: authorization.replace(`${algorithm} `, `${other} `) },
          },
          d,
        ).reasonCode,
      ).toBe("InvalidRequestSignature");
    }
  });
});
