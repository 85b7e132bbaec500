// Amazon's regions are separate services: a key is only known at its own region's endpoint.
import { describe, expect, it } from "vitest";
import type { MerchantRecord } from "../core/merchants";
import { verifyRequest } from "./verify-request";
import { build, deps, publicKey, record, rejection } from "./signed-request-fixture";

const inRegion = (region: MerchantRecord["region"], ledgerCurrency: MerchantRecord["ledgerCurrency"]) => {
  const merchant = { ...record, region, ledgerCurrency };
  return { merchant, deps: deps({ merchant: () => ({ record: merchant, key: publicKey }) }) };
};

const withEndpoint = (path: string, region: string) => {
  const req = build({ path, headers: { "x-amz-pay-region": region } });
  const endpointRegion = /^\/(na|eu|jp)\//.exec(path)?.[1] as MerchantRecord["region"] | undefined;
  return { ...req, endpointRegion: endpointRegion ?? null };
};

describe("region endpoints", () => {
  it("accepts a key at its own region, by header alias or by path prefix", () => {
    const eu = inRegion("eu", "GBP");
    expect(verifyRequest(build({ headers: { "x-amz-pay-region": "uk" } }), eu.deps)).toBe(eu.merchant);
    expect(verifyRequest(withEndpoint("/eu/v2/checkoutSessions", "de"), eu.deps)).toBe(eu.merchant);
    const jp = inRegion("jp", "JPY");
    expect(verifyRequest(withEndpoint("/jp/v2/checkoutSessions", "jp"), jp.deps)).toBe(jp.merchant);
  });

  it("answers a key used at another region like an unknown key: 401 UnauthorizedAccess", () => {
    const eu = inRegion("eu", "EUR");
    expect(rejection(build({ headers: { "x-amz-pay-region": "na" } }), eu.deps)).toMatchObject({
      status: 401,
      reasonCode: "UnauthorizedAccess",
      message: expect.stringMatching(/not registered in region na \(pay-api\.amazon\.com\).*region eu/),
    });
    expect(rejection(withEndpoint("/jp/v2/checkoutSessions", "eu"), eu.deps)).toMatchObject({
      status: 401,
      reasonCode: "UnauthorizedAccess",
      message: expect.stringContaining("pay-api.amazon.jp"),
    });
    expect(rejection(build({ headers: { "x-amz-pay-region": "jp" } }))).toMatchObject({
      reasonCode: "UnauthorizedAccess",
    });
  });

  it("lets the path prefix win over the header, as the host would", () => {
    const na = inRegion("na", "USD");
    expect(rejection(withEndpoint("/eu/v2/checkoutSessions", "na"), na.deps).reasonCode).toBe(
      "UnauthorizedAccess",
    );
  });

  it("answers InvalidRequestSignature or accepts when configured so", () => {
    const jp = inRegion("jp", "JPY");
    const req = build({ headers: { "x-amz-pay-region": "eu" } });
    const signature = deps({
      merchant: () => ({ record: jp.merchant, key: publicKey }),
      wrongRegion: "InvalidRequestSignature",
      signatureErrorStatus: 403,
    });
    expect(rejection(req, signature)).toMatchObject({ status: 403, reasonCode: "InvalidRequestSignature" });
    const accept = deps({ merchant: () => ({ record: jp.merchant, key: publicKey }), wrongRegion: "accept" });
    expect(verifyRequest(req, accept)).toBe(jp.merchant);
  });

  it("still refuses an unknown region name", () => {
    expect(rejection(build({ headers: { "x-amz-pay-region": "fe" } })).reasonCode).toBe("InvalidHeaderValue");
  });
});
