import { describe, expect, it } from "vitest";
import {
  API_HOSTS,
  apiUrl,
  checkoutJsUrl,
  isEnvironmentSpecificKeyId,
  isLoopbackHost,
  keyIdEnvironment,
  normalizeRegion,
  parseBaseUrlOverride,
  REGIONS,
  resolveApiBase,
} from "./environment";
import { AmazonPayConfigError } from "./errors";

const keySchemes = [
  {
    scheme: "env-specific SANDBOX-",
    publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
    segment: { sandbox: "", live: "" },
  },
  {
    scheme: "env-specific LIVE-",
    publicKeyId: "LIVE-AFVX7ULWSGBZ5535PCUQOY7B",
    segment: { sandbox: "", live: "" },
  },
  {
    scheme: "legacy",
    publicKeyId: "AFVX7ULWSGBZ5535PCUQOY7B",
    segment: { sandbox: "/sandbox", live: "/live" },
  },
] as const;

describe("resolveApiBase", () => {
  for (const region of REGIONS) {
    for (const { scheme, publicKeyId, segment } of keySchemes) {
      for (const sandbox of [true, false]) {
        const environment = sandbox ? "sandbox" : "live";
        it(`${region}, ${environment}, ${scheme} key`, () => {
          const base = resolveApiBase({ region, sandbox, publicKeyId });
          expect(base.host).toBe(API_HOSTS[region]);
          expect(base.region).toBe(region);
          expect(apiUrl(base, "/v2/checkoutSessions").href).toBe(
            `https://${API_HOSTS[region]}${segment[environment]}/v2/checkoutSessions`,
          );
        });
        it(`${region}, ${environment}, ${scheme} key, local override`, () => {
          const base = resolveApiBase({
            region,
            sandbox,
            publicKeyId,
            baseUrlOverride: "http://127.0.0.1:4010",
          });
          expect(base.host).toBe("127.0.0.1:4010");
          expect(base.region).toBe(region);
          expect(apiUrl(base, "/v2/charges/abc").href).toBe(
            `http://127.0.0.1:4010${segment[environment]}/v2/charges/abc`,
          );
        });
      }
    }
  }

  it("keeps a path of the override before the environment segment and drops its trailing slash", () => {
    const base = resolveApiBase({
      region: "eu",
      sandbox: true,
      publicKeyId: "LEGACYKEY",
      baseUrlOverride: "https://sandbox.test:8443/amazon/",
    });
    expect(base.host).toBe("sandbox.test:8443");
    expect(apiUrl(base, "/v2/refunds").href).toBe("https://sandbox.test:8443/amazon/sandbox/v2/refunds");
  });

  it("omits the default https port from the host header value", () => {
    expect(
      resolveApiBase({
        region: "na",
        sandbox: true,
        publicKeyId: "SANDBOX-X",
        baseUrlOverride: "https://sandbox.test:443",
      }).host,
    ).toBe("sandbox.test");
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() =>
      resolveApiBase({
        region: "na",
        sandbox: true,
        publicKeyId: "SANDBOX-X",
        baseUrlOverride: "http://sandbox.example.com",
      }),
    ).toThrow(/plain http is only allowed for loopback hosts/);
  });
});

describe("key id scheme (the SDKs' prefix rule)", () => {
  it.each([
    ["SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B", true, "sandbox"],
    ["LIVE-AFVX7ULWSGBZ5535PCUQOY7B", true, "live"],
    ["sandbox-lowercase", true, "sandbox"],
    ["LIVEKEYWITHOUTDASH", true, "live"],
    ["AFVX7ULWSGBZ5535PCUQOY7B", false, null],
    ["XSANDBOX-1", false, null],
  ] as const)("%s", (keyId, specific, environment) => {
    expect(isEnvironmentSpecificKeyId(keyId)).toBe(specific);
    expect(keyIdEnvironment(keyId)).toBe(environment);
  });
});

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.255.10.2", "localhost", "LOCALHOST", "localhost.", "[::1]", "::1"])(
    "%s is loopback",
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );
  it.each([
    "128.0.0.1",
    "10.0.0.1",
    "127.0.0.256",
    "localhost.example.com",
    "example.com",
    "[::2]",
    "0.0.0.0",
  ])("%s is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("parseBaseUrlOverride", () => {
  it.each([
    "http://127.0.0.1:4010",
    "http://localhost:4010",
    "http://[::1]:4010",
    "http://127.1:4010",
    "https://sandbox.example.com",
  ])("accepts %s", (url) => {
    expect(parseBaseUrlOverride(url)).toBeInstanceOf(URL);
  });
  it.each([
    ["http://192.168.1.10:4010", /plain http is only allowed for loopback/],
    ["http://example.com", /plain http is only allowed for loopback/],
    ["ftp://127.0.0.1", /must use https/],
    ["127.0.0.1:4010", /must use https|not an absolute URL/],
    ["not a url", /not an absolute URL/],
    ["https://user:pw@sandbox.example.com", /credentials/],
    ["https://sandbox.example.com/?a=1", /query or fragment/],
  ])("refuses %s", (url, message) => {
    expect(() => parseBaseUrlOverride(url)).toThrow(AmazonPayConfigError);
    expect(() => parseBaseUrlOverride(url)).toThrow(message);
  });
});

describe("regions", () => {
  it.each([
    ["na", "na"],
    ["us", "na"],
    ["US", "na"],
    ["eu", "eu"],
    ["de", "eu"],
    ["uk", "eu"],
    ["jp", "jp"],
    [" JP ", "jp"],
  ] as const)("%s → %s", (alias, region) => {
    expect(normalizeRegion(alias)).toBe(region);
  });
  it("refuses an unknown region", () => {
    expect(() => normalizeRegion("fr")).toThrow(/unknown region "fr"/);
  });
  it("serves checkout.js per region (JP from static-fe)", () => {
    expect(checkoutJsUrl("na")).toBe("https://static-na.payments-amazon.com/checkout.js");
    expect(checkoutJsUrl("eu")).toBe("https://static-eu.payments-amazon.com/checkout.js");
    expect(checkoutJsUrl("jp")).toBe("https://static-fe.payments-amazon.com/checkout.js");
  });
});
