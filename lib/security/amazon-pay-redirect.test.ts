import { describe, expect, it } from "vitest";
import { isAllowedAmazonPayRedirect } from "./amazon-pay-redirect";

const emulator = {
  amazonPayMode: { kind: "emulator", emulatorUrl: "http://127.0.0.1:4010" },
  AMAZON_PAY_REGION: "na",
} as const;
const amazon = (region: "na" | "eu" | "jp") =>
  ({ amazonPayMode: { kind: "amazon", sandbox: true }, AMAZON_PAY_REGION: region }) as const;
const SESSION = "?amazonCheckoutSessionId=bd504926-f659-4ad7-a1a9-9a747aaf5275";

describe("amazonPayRedirectUrl", () => {
  it("is followed onto Amazon's pages of the configured region", () => {
    expect(
      isAllowedAmazonPayRedirect(`https://apay-us.amazon.com/checkout/processing${SESSION}`, amazon("na")),
    ).toBe(true);
    expect(isAllowedAmazonPayRedirect(`https://payments.amazon.co.uk/checkout${SESSION}`, amazon("eu"))).toBe(
      true,
    );
    expect(isAllowedAmazonPayRedirect(`https://apay-fe.amazon.co.jp/checkout${SESSION}`, amazon("jp"))).toBe(
      true,
    );
  });

  it("is refused anywhere else: other regions, look-alike hosts, http, ports, credentials, junk", () => {
    for (const url of [
      `https://apay-eu.amazon.eu/checkout${SESSION}`, // another region
      `https://evil.example/checkout${SESSION}`,
      "https://apay-us.amazon.com.evil.example/checkout",
      "https://evilamazon.com/checkout",
      "https://amazon.com.evil.example/",
      "http://apay-us.amazon.com/checkout",
      "https://apay-us.amazon.com:8443/checkout",
      "https://user:pw@apay-us.amazon.com/checkout",
      "javascript:alert(1)",
      "//apay-us.amazon.com/checkout",
      "not a url",
      "",
    ])
      expect(isAllowedAmazonPayRedirect(url, amazon("na")), url).toBe(false);
  });

  it("in emulator mode, only onto the emulator", () => {
    expect(isAllowedAmazonPayRedirect(`http://127.0.0.1:4010/checkout/processing${SESSION}`, emulator)).toBe(
      true,
    );
    for (const url of [
      "http://127.0.0.1:4011/checkout/processing",
      "http://localhost:4010/checkout/processing",
      `https://apay-us.amazon.com/checkout/processing${SESSION}`,
      "https://evil.example/",
    ])
      expect(isAllowedAmazonPayRedirect(url, emulator), url).toBe(false);
  });
});
