import { describe, expect, it } from "vitest";
import { REDACTED, redact, redactBodyText, redactHeaders, redactPath, redactText } from "./redact";
import { rsaKeyPair } from "./test-fixtures/keys";
import { buyerResponse, chargePermissionResponse, checkoutSessionResponse } from "./test-fixtures/responses";

const keys = rsaKeyPair();

describe("redact", () => {
  it("removes buyer data from a Checkout Session and keeps what an audit needs", () => {
    const output = redact({ ...checkoutSessionResponse(), shippingAddressList: ['{"name":"x"}'] }) as Record<
      string,
      Record<string, unknown>
    >;
    expect(output.buyer).toEqual({
      buyerId: REDACTED,
      name: REDACTED,
      email: REDACTED,
      phoneNumber: REDACTED,
      primeMembershipTypes: null,
    });
    expect(output.shippingAddress).toEqual({
      name: REDACTED,
      addressLine1: REDACTED,
      addressLine2: null,
      addressLine3: null,
      city: REDACTED,
      county: null,
      district: null,
      stateOrRegion: REDACTED,
      postalCode: REDACTED,
      countryCode: "US",
      phoneNumber: REDACTED,
    });
    expect(output.shippingAddressList).toBe(REDACTED);
    expect(output.checkoutSessionId).toBe("bd504926-f659-4ad7-a1a9-9a747aaf5275");
    expect(output.paymentDetails).toMatchObject({ chargeAmount: { amount: "14.00", currencyCode: "USD" } });
    expect(output.statusDetails).toMatchObject({ state: "Open" });
    expect(JSON.stringify(output)).not.toMatch(/Test Buyer|testemail|Rockford|1234567890|amzn1\.account/);
  });

  it("removes buyer data from Charge Permission and Get Buyer responses", () => {
    const serialized = JSON.stringify([redact(chargePermissionResponse()), redact(buyerResponse())]);
    expect(serialized).not.toMatch(
      /Test Buyer|testemail|Rockford|Appleton|54911|1234567890|amzn1\.account|000000000000AMZN|PRIME_GENERAL/,
    );
    expect(serialized).toContain("S00-0000000-0000000");
  });

  it("removes secrets: authorization values, auth tokens, private keys (as members, in text, as KeyObject)", () => {
    const output = redact({
      authorization: "AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=X, SignedHeaders=a, Signature=abc",
      headers: { Authorization: "x", "X-Amz-Pay-AuthToken": "token" },
      privateKey: keys.pkcs8Pem,
      note: `key follows ${keys.pkcs1Pem.trim()} end`,
      keyObject: keys.privateKey,
      buyerToken: "BT-123",
    });
    expect(output).toEqual({
      authorization: REDACTED,
      headers: { Authorization: REDACTED, "X-Amz-Pay-AuthToken": REDACTED },
      privateKey: REDACTED,
      note: `key follows ${REDACTED} end`,
      keyObject: REDACTED,
      buyerToken: REDACTED,
    });
  });

  it("removes email addresses from free text and leaves other text alone", () => {
    expect(redactText("contact jane.doe+shop@example.co.uk today")).toBe(`contact ${REDACTED} today`);
    expect(redactText("Charge S01-5105180-3221187-C056351 captured")).toBe(
      "Charge S01-5105180-3221187-C056351 captured",
    );
  });

  it("is JSON-safe: undefined and non-finite become null, dates become ISO strings, cycles are cut", () => {
    const cyclic: Record<string, unknown> = {
      a: 1,
      missing: undefined,
      nan: Number.NaN,
      when: new Date("2024-01-01T00:00:00Z"),
    };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({
      a: 1,
      missing: null,
      nan: null,
      when: "2024-01-01T00:00:00.000Z",
      self: "[Circular]",
    });
    const shared = { email: "a@b.co" };
    expect(redact({ x: shared, y: shared })).toEqual({ x: { email: REDACTED }, y: { email: REDACTED } });
  });

  it("redacts raw bodies, headers and the buyer token in paths", () => {
    expect(JSON.parse(redactBodyText(JSON.stringify(buyerResponse())))).toMatchObject({
      buyerId: REDACTED,
      countryCode: "US",
    });
    expect(redactBodyText("<html>mail me: a@b.co</html>")).toBe(`<html>mail me: ${REDACTED}</html>`);
    expect(redactHeaders(new Headers({ authorization: "sig", "x-amz-pay-request-id": "r1" }))).toEqual({
      authorization: REDACTED,
      "x-amz-pay-request-id": "r1",
    });
    expect(redactPath("/sandbox/v2/buyers/BUYER-TOKEN-123")).toBe(`/sandbox/v2/buyers/${REDACTED}`);
    expect(redactPath("/v2/charges/S01-5105180-3221187-C056351")).toBe(
      "/v2/charges/S01-5105180-3221187-C056351",
    );
  });
});
