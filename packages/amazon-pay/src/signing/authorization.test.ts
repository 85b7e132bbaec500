import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatAuthorization, parseAuthorization, signRequest } from "./authorization";
import { canonicalRequest, stringToSign } from "./canonical-request";
import { verifyString } from "./signature";

describe("signRequest", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  it("signs a request whose authorization header parses back and verifies", () => {
    const url = new URL("https://pay-api.amazon.com/v2/checkoutSessions/abc?x=1");
    const headers = {
      accept: "application/json",
      "content-type": "application/json",
      "x-amz-pay-date": "20240101T000000Z",
      "x-amz-pay-host": "pay-api.amazon.com",
      "x-amz-pay-region": "na",
    };
    const body = '{"a":1}';
    const { authorization, stringToSign: toSign } = signRequest({
      method: "post",
      url,
      headers,
      body,
      publicKeyId: "SANDBOX-ABC",
      privateKey,
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
    });
    const parsed = parseAuthorization(authorization);
    expect(parsed).toMatchObject({
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      publicKeyId: "SANDBOX-ABC",
      signedHeaders: Object.keys(headers).sort(),
    });
    const canonical = canonicalRequest({
      method: "POST",
      path: url.pathname,
      query: url.searchParams,
      headers,
      signedHeaders: parsed!.signedHeaders,
      body,
    });
    expect(stringToSign("AMZN-PAY-RSASSA-PSS-V2", canonical)).toBe(toSign);
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", toSign, parsed!.signature, publicKey)).toBe(true);
  });
});

describe("authorization header", () => {
  it("formats exactly as the SDKs do and parses signatures containing + / =", () => {
    const header = formatAuthorization({
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
      signedHeaders: ["accept", "x-amz-pay-date"],
      signature: "ab+/c==",
    });
    expect(header).toBe(
      "AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B, SignedHeaders=accept;x-amz-pay-date, Signature=ab+/c==",
    );
    expect(parseAuthorization(header)?.signature).toBe("ab+/c==");
  });

  it("refuses foreign or incomplete headers", () => {
    expect(parseAuthorization("Bearer abc")).toBeNull();
    expect(
      parseAuthorization("AMZN-PAY-RSASSA-PSS-V3 PublicKeyId=a, SignedHeaders=b, Signature=c"),
    ).toBeNull();
    expect(parseAuthorization("AMZN-PAY-RSASSA-PSS PublicKeyId=a, Signature=c")).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
});
