// The full request vector of the published unit-test key: canonical request, hash, and the V2 and
// V1 signatures published for it.
import { describe, expect, it } from "vitest";
import {
  PUBLISHED_REQUEST,
  PUBLISHED_SIGNATURES,
  UNIT_TEST_PUBLIC_KEY_PEM as unitTestPublicKey,
} from "../test-fixtures/published-vector";
import { sha256Hex } from "./algorithms";
import { canonicalRequest, stringToSign } from "./canonical-request";
import { verifyString } from "./signature";

describe("full request vector with the published unit-test key", () => {
  const { method, path, headers, body } = PUBLISHED_REQUEST;
  const canonical = canonicalRequest({ method, path, headers, signedHeaders: Object.keys(headers), body });
  const v2 = PUBLISHED_SIGNATURES["AMZN-PAY-RSASSA-PSS-V2"];
  const v1 = PUBLISHED_SIGNATURES["AMZN-PAY-RSASSA-PSS"];

  it("builds the documented canonical request and hash", () => {
    expect(canonical).toBe(
      [
        "POST",
        "/sandbox/v2/checkoutSessions",
        "",
        "accept:application/json\ncontent-type:application/json\nx-amz-pay-date:20190923T231908Z\nx-amz-pay-host:pay-api.amazon.com\nx-amz-pay-idempotency-key:cllHyiNvS8cJ8Zas\nx-amz-pay-region:us\n",
        "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region",
        "e3ff249dac84a58f0b7e77a429e35daa1ed66c748f0355fd85f99195e7c43493",
      ].join("\n"),
    );
    expect(sha256Hex(canonical)).toBe("4d3369258c757ecad2f5d12e18033ae593ee451e51a6439726eeb7c985492a5e");
  });

  it("verifies the published V2 and V1 signatures, each only with its own salt length", () => {
    const s2 = stringToSign("AMZN-PAY-RSASSA-PSS-V2", canonical);
    const s1 = stringToSign("AMZN-PAY-RSASSA-PSS", canonical);
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", s2, v2, unitTestPublicKey)).toBe(true);
    expect(verifyString("AMZN-PAY-RSASSA-PSS", s1, v1, unitTestPublicKey)).toBe(true);
    // Wrong salt length: the V2 signature under the V1 rules and vice versa.
    expect(verifyString("AMZN-PAY-RSASSA-PSS", s2, v2, unitTestPublicKey)).toBe(false);
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", s1, v1, unitTestPublicKey)).toBe(false);
    // Any change to the signed content fails.
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", `${s2}0`, v2, unitTestPublicKey)).toBe(false);
  });
});
