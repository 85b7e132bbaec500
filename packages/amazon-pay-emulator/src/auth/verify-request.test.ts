import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatAuthorization,
  signRequest,
  signString,
  stringToSign,
  canonicalRequest,
  type SigningAlgorithm,
} from "@storefront/amazon-pay/signing";
import { ApiError } from "../core/api-error";
import type { MerchantRecord } from "../core/merchants";
import { verifyRequest, type RequestToVerify } from "./verify-request";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KEY_ID = "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B";
const record: MerchantRecord = {
  publicKeyId: KEY_ID,
  publicKey: "",
  merchantId: "A2K7NDRMCETORT",
  storeId: "s",
  ipnUrl: null,
  createdAt: "",
  updatedAt: "",
};
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

const deps = (overrides: Partial<Parameters<typeof verifyRequest>[1]> = {}) => ({
  merchant: (id: string) => (id === KEY_ID ? { record, key: publicKey } : undefined),
  maxSkewSeconds: 900,
  signatureErrorStatus: 401,
  realNow: () => NOW,
  ...overrides,
});

const basicDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
const extendedDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

interface Build {
  method?: string;
  path?: string;
  body?: string;
  algorithm?: SigningAlgorithm;
  headers?: Record<string, string>;
  signHeaders?: string[];
}

function build(b: Build = {}): RequestToVerify {
  const method = b.method ?? "POST";
  const url = new URL(`http://127.0.0.1:4010${b.path ?? "/v2/checkoutSessions"}`);
  const body = b.body ?? '{"storeId":"s"}';
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": basicDate(NOW),
    "x-amz-pay-host": "127.0.0.1:4010",
    "x-amz-pay-region": "na",
    "x-amz-pay-idempotency-key": "abc123",
    ...b.headers,
  };
  const { authorization } = signRequest({
    method,
    url,
    headers,
    signHeaders: b.signHeaders,
    body,
    publicKeyId: KEY_ID,
    privateKey,
    algorithm: b.algorithm ?? "AMZN-PAY-RSASSA-PSS-V2",
  });
  return {
    method,
    rawPath: url.pathname,
    query: url.searchParams,
    headers: { ...headers, authorization },
    body: Buffer.from(body),
  };
}

function rejection(req: RequestToVerify, d = deps()): ApiError {
  try {
    verifyRequest(req, d);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the request was accepted");
}

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
    const unitTestKey = createPublicKey(
      readFileSync(
        path.join(import.meta.dirname, "../../../amazon-pay/src/test-fixtures/unit-test-public-key.pem"),
        "utf8",
      ),
    );
    const headers = {
      accept: "application/json",
      "content-type": "application/json",
      "x-amz-pay-date": "20190923T231908Z",
      "x-amz-pay-host": "pay-api.amazon.com",
      "x-amz-pay-idempotency-key": "cllHyiNvS8cJ8Zas",
      "x-amz-pay-region": "us",
    };
    const body =
      '{"webCheckoutDetails":{"checkoutReviewReturnUrl":"https://a.com/merchant-review-page"},"storeId":"amzn1.application-oa2-client.8b5e45312b5248b69eeaStoreId"}';
    const signed =
      "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region";
    const vectors = {
      "AMZN-PAY-RSASSA-PSS-V2":
        "LePcJ6H2+0EkTJO1w0FOQjcp1jgZyuYljGwMhTFvl/XgIwsgtujUpMW4UEn1QPd2mKSLDzU1clSgwFoKbnpAZD+MENycEBVK+VoaW6lfKnQ1uf8il0HldRwzrrtcTGTl8Syu2T0xoPlpPtMbgQDbqFe30ZRVtIvLOMhHRNaHNlFBcOHR+4Xj3pURGaUYp63iqEWhk6x3HgH6nfXxeHmx3VZpf9UtgXxEDjjqty6q6tT8+Vg8ctzC8u26rCTM4WsBPS1B6+729eMHahJZPOW7gU/Xwd4t5WD3A0Zs3bgIthg38YJ+yOacC52NDwR6f+IB4Qte4hbCM4Rlb2igQp029g==",
      "AMZN-PAY-RSASSA-PSS":
        "L8MdHswJYC581r90bsHmaD52vx7rnH1E2XWQdxIqZ1K9S7rg0hL2zYbUyc10oK2dJ2AjwQtgjhXLwRrWxi13Z7CoVUj+TPXO4jiAj+7b4qdxN7qx5Lt4b24UBsilSEkyA9C56yibuK2QCaGsRukLU5ur1C508Ni8pjGtV4Yr93Qg/dHk/7qWBdDpYTVFfM7KJZ3yia117ubaOQ4DT2+bHmy8vSpVRKAEJWpWdHv0NY9IMa3qvXu1D6J06k5h+baOuCil19fj/X38/CjKk0V6ZkFaVEcxNDoaTSWXGVhSB/oQDhkFC6tynIev4O9X4/aoja3ahxF8v2N0Kd/HnYTAFA==",
    } as const;
    const d = deps({
      merchant: () => ({ record, key: unitTestKey }),
      realNow: () => Date.UTC(2019, 8, 23, 23, 19, 8),
    });
    for (const [algorithm, signature] of Object.entries(vectors)) {
      const authorization = `${algorithm} PublicKeyId=AFVX7ULWSGBZ5535PCUQOY7B, SignedHeaders=${signed}, Signature=${signature}`;
      const req: RequestToVerify = {
        method: "POST",
        rawPath: "/sandbox/v2/checkoutSessions",
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

  it("rejects a tampered body, path, header or signature with InvalidRequestSignature echoing the string to sign", () => {
    const req = build();
    const tampered = [
      { ...req, body: Buffer.from('{"storeId":"t"}') },
      { ...req, rawPath: "/v2/charges" },
      { ...req, headers: { ...req.headers, "x-amz-pay-idempotency-key": "other" } },
      {
        ...req,
        headers: {
          ...req.headers,
          authorization: (req.headers.authorization as string).replace(
            /Signature=(.)/,
            (_m, c: string) => `Signature=${c === "A" ? "B" : "A"}`,
          ),
        },
      },
    ];
    for (const t of tampered) {
      const error = rejection(t);
      expect(error).toMatchObject({ status: 401, reasonCode: "InvalidRequestSignature" });
      expect(error.message).toMatch(
        /^Unable to verify signature, signing String \[AMZN-PAY-RSASSA-PSS-V2\\n[0-9a-f]{64}\] , signature \[/,
      );
    }
    const canonical = canonicalRequest({
      method: "POST",
      path: "/v2/charges",
      headers: req.headers as Record<string, string>,
      signedHeaders: [
        "accept",
        "content-type",
        "x-amz-pay-date",
        "x-amz-pay-host",
        "x-amz-pay-idempotency-key",
        "x-amz-pay-region",
      ],
      body: req.body,
    });
    expect(rejection(tampered[1]!).message).toContain(
      stringToSign("AMZN-PAY-RSASSA-PSS-V2", canonical).replace("\n", "\\n"),
    );
  });

  it("rejects a signature made with the wrong salt length", () => {
    const req = build({ algorithm: "AMZN-PAY-RSASSA-PSS" });
    const wrong = (req.headers.authorization as string).replace(
      "AMZN-PAY-RSASSA-PSS ",
      "AMZN-PAY-RSASSA-PSS-V2 ",
    );
    expect(rejection({ ...req, headers: { ...req.headers, authorization: wrong } }).reasonCode).toBe(
      "InvalidRequestSignature",
    );
  });

  it("uses the configured status for signature errors", () => {
    const req = build({ body: "{}" });
    expect(rejection({ ...req, body: Buffer.from("[]") }, deps({ signatureErrorStatus: 403 })).status).toBe(
      403,
    );
  });

  it("rejects an unknown key with 401 UnauthorizedAccess", () => {
    expect(rejection(build(), deps({ merchant: () => undefined }))).toMatchObject({
      status: 401,
      reasonCode: "UnauthorizedAccess",
    });
  });

  it("refuses LIVE keys", () => {
    const req = build();
    const live = (req.headers.authorization as string).replace(KEY_ID, "LIVE-AFVX7ULWSGBZ5535PCUQOY7B");
    expect(rejection({ ...req, headers: { ...req.headers, authorization: live } })).toMatchObject({
      status: 400,
      reasonCode: "InvalidRequest",
    });
  });

  it("rejects a stale or future date against the real clock, with 400 InvalidHeaderValue", () => {
    expect(rejection(build({ headers: { "x-amz-pay-date": basicDate(NOW - 16 * 60_000) } }))).toMatchObject({
      status: 400,
      reasonCode: "InvalidHeaderValue",
    });
    expect(
      rejection(build({ headers: { "x-amz-pay-date": extendedDate(NOW + 16 * 60_000) } })).reasonCode,
    ).toBe("InvalidHeaderValue");
    expect(rejection(build({ headers: { "x-amz-pay-date": "2026-13-01T00:00:00Z" } })).reasonCode).toBe(
      "InvalidHeaderValue",
    );
  });

  it("requires x-amz-pay-date and x-amz-pay-host to be present and signed", () => {
    const unsignedDate = build({
      signHeaders: ["accept", "content-type", "x-amz-pay-host", "x-amz-pay-region"],
    });
    expect(rejection(unsignedDate)).toMatchObject({ status: 401, reasonCode: "InvalidRequestSignature" });
    expect(rejection(unsignedDate).message).toContain("x-amz-pay-date");
    const unsignedHost = build({
      signHeaders: ["accept", "content-type", "x-amz-pay-date", "x-amz-pay-region"],
    });
    expect(rejection(unsignedHost).message).toContain("x-amz-pay-host");
    const req = build();
    const { "x-amz-pay-date": _date, ...withoutDate } = req.headers;
    expect(rejection({ ...req, headers: withoutDate })).toMatchObject({
      status: 400,
      reasonCode: "MissingHeader",
    });
  });

  it("rejects a signed header that is not sent", () => {
    const req = build({ headers: { "x-custom": "1" } });
    const { "x-custom": _custom, ...rest } = req.headers;
    expect(rejection({ ...req, headers: rest })).toMatchObject({ status: 400, reasonCode: "MissingHeader" });
  });

  it("explains a missing, empty, malformed or unknown-algorithm authorization header", () => {
    const req = build();
    const { authorization: _a, ...none } = req.headers;
    expect(rejection({ ...req, headers: none })).toMatchObject({ status: 400, reasonCode: "MissingHeader" });
    expect(rejection({ ...req, headers: { ...req.headers, authorization: " " } }).reasonCode).toBe(
      "MissingHeaderValue",
    );
    expect(
      rejection({ ...req, headers: { ...req.headers, authorization: "AMZN-PAY-RSASSA-PSS-V2 nonsense" } }),
    ).toMatchObject({ status: 400, reasonCode: "InvalidHeaderValue" });
    const signature = signString("AMZN-PAY-RSASSA-PSS-V2", "x", privateKey);
    const unknown = formatAuthorization({
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      publicKeyId: KEY_ID,
      signedHeaders: ["x-amz-pay-date"],
      signature,
    }).replace("AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-HMAC");
    expect(rejection({ ...req, headers: { ...req.headers, authorization: unknown } })).toMatchObject({
      status: 401,
      reasonCode: "InvalidRequestSignature",
    });
  });

  it("accepts the documented regions in any case and refuses others", () => {
    expect(verifyRequest(build({ headers: { "x-amz-pay-region": "EU" } }), deps())).toBe(record);
    expect(rejection(build({ headers: { "x-amz-pay-region": "mars" } })).reasonCode).toBe(
      "InvalidHeaderValue",
    );
  });
});
