import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  formatAmzDate,
  parseAmzDate,
  parseAuthorization,
  sha256Hex,
  signButtonPayload,
  signRequest,
  signString,
  stringToSign,
  verifyButtonPayload,
  verifyString,
  formatAuthorization,
  type SigningAlgorithm,
} from "./signing";

const unitTestPublicKey = readFileSync(
  path.join(import.meta.dirname, "test-fixtures/unit-test-public-key.pem"),
  "utf8",
);

// The Java SDK's canonical-request vectors. Every case signs these headers.
const vectorHeaders = {
  accept: "application/json",
  "content-type": "application/json",
  "x-amz-pay-date": "20180524T223710Z",
  "x-amz-pay-host": "pay-api.amazon.eu",
  "x-amz-pay-region": "EU",
};
const unreservedAlphabet = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const nonUnreserved = '@#$%^&+=/,?><`";:\\|][{} ';

const vectors: {
  name: string;
  method: string;
  uri: string;
  params?: Record<string, string[]>;
  canonicalUri: string;
  canonicalQuery: string;
  hash: string;
}[] = [
  {
    name: "get-vanilla",
    method: "GET",
    uri: "/",
    canonicalUri: "/",
    canonicalQuery: "",
    hash: "bb49552975c396f1e49d5510e1555b8b0627dc491bc61aaefdb561f202ad8020",
  },
  {
    name: "get-empty",
    method: "GET",
    uri: "",
    canonicalUri: "/",
    canonicalQuery: "",
    hash: "bb49552975c396f1e49d5510e1555b8b0627dc491bc61aaefdb561f202ad8020",
  },
  {
    name: "get-slashes",
    method: "GET",
    uri: "//foo//",
    canonicalUri: "/",
    canonicalQuery: "",
    hash: "bb49552975c396f1e49d5510e1555b8b0627dc491bc61aaefdb561f202ad8020",
  },
  {
    name: "get-unreserved",
    method: "GET",
    uri: `/${unreservedAlphabet}`,
    canonicalUri: `/${unreservedAlphabet}`,
    canonicalQuery: "",
    hash: "a0e5dd63e175587f29d51c6b08be5c746a568209ac66ab1f967e0ba515aa80bc",
  },
  {
    name: "get-utf8",
    method: "GET",
    uri: "/\u1234",
    canonicalUri: "/%E1%88%B4",
    canonicalQuery: "",
    hash: "77f6544c8fb336d430895659da1e30415a1558b4b013f4d7926bb3a6275f701d",
  },
  {
    name: "get-vanilla-utf8-query",
    method: "GET",
    uri: "/",
    params: { "\u1234": ["bar"] },
    canonicalUri: "/",
    canonicalQuery: "%E1%88%B4=bar",
    hash: "ef1007307504f2ca9f0b6310b04056f5d3d6d18e7bf3d90663133f19ec132ecc",
  },
  {
    name: "post-vanilla",
    method: "POST",
    uri: "/",
    canonicalUri: "/",
    canonicalQuery: "",
    hash: "54156f5badd6da7fa630b2c334c808ad376530001d334ae9960457215aa626d3",
  },
  {
    name: "post-vanilla-query",
    method: "POST",
    uri: "/",
    params: { foo: ["bar"] },
    canonicalUri: "/",
    canonicalQuery: "foo=bar",
    hash: "cc82525870b2d03666c287fd8b2c0d2fc6fa1693d9f357d27f7cac8cbcc12832",
  },
  {
    name: "get-vanilla-empty-query-key",
    method: "GET",
    uri: "/",
    params: { foo: ["bar"] },
    canonicalUri: "/",
    canonicalQuery: "foo=bar",
    hash: "6837f80baf1801c75db8119cffbadc26a89d20adb9cf3f3de4ce0fac31b4ae52",
  },
  {
    name: "get-vanilla-query-order-value",
    method: "GET",
    uri: "/",
    params: { foo: ["b", "a"] },
    canonicalUri: "/",
    canonicalQuery: "foo=a&foo=b",
    hash: "a33266ec31c7f0ca8a0738eb49fb8c81319f14374a0b86d52e6911a9748a6d42",
  },
  {
    name: "get-vanilla-query-order-key",
    method: "GET",
    uri: "/",
    params: { a: ["foo"], b: ["foo"] },
    canonicalUri: "/",
    canonicalQuery: "a=foo&b=foo",
    hash: "6615ba7ca3734e97b35013f77c74d111ce2fa63ab52be161ad41bcd4b010120f",
  },
  {
    name: "get-vanilla-query-order-sort-by-key",
    method: "GET",
    uri: "/",
    params: { "A.1": ["foo"], "A.2": ["foo"], "A.10": ["foo"] },
    canonicalUri: "/",
    canonicalQuery: "A.1=foo&A.10=foo&A.2=foo",
    hash: "29d908d70c4bb50d62272976787245b52ed52e569fdae56ef3aa6d8979978ee7",
  },
  {
    name: "get-vanilla-query-order-key-case",
    method: "GET",
    uri: "/",
    params: { foo: ["Zoo", "aha"] },
    canonicalUri: "/",
    canonicalQuery: "foo=Zoo&foo=aha",
    hash: "f379cbd2e2fc9d5d50667a07ec22996335f731b474bb8bd366647d05d958c9d5",
  },
  {
    name: "get-vanilla-query-unreserved",
    method: "GET",
    uri: "/",
    params: { [unreservedAlphabet]: [unreservedAlphabet] },
    canonicalUri: "/",
    canonicalQuery: `${unreservedAlphabet}=${unreservedAlphabet}`,
    hash: "892abddd6e79db3feb5695b318af639c3e863494f6b4df32ec24fff4c1562a73",
  },
  {
    name: "post-vanilla-query-nonunreserved",
    method: "POST",
    uri: "/",
    params: { [nonUnreserved]: [nonUnreserved] },
    canonicalUri: "/",
    canonicalQuery:
      "%40%23%24%25%5E%26%2B%3D%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D%20=%40%23%24%25%5E%26%2B%3D%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D%20",
    hash: "66bbbf2b5d6d297a9393abbc0b4f9d62e30666bb0ec0dea8f1d4e45551440e4c",
  },
  {
    name: "post-vanilla-query-space",
    method: "POST",
    uri: "/",
    params: { "f oo": ["b ar"] },
    canonicalUri: "/",
    canonicalQuery: "f%20oo=b%20ar",
    hash: "99be3aeb19b5a1aebafc807d59f3740d3e604ae31cf928592fa70739ea64bb32",
  },
];

describe("canonical request (Java SDK vectors)", () => {
  for (const v of vectors) {
    it(v.name, () => {
      expect(canonicalUri(v.uri)).toBe(v.canonicalUri);
      expect(canonicalQueryString(v.params)).toBe(v.canonicalQuery);
      const canonical = canonicalRequest({
        method: v.method,
        path: v.uri,
        query: v.params,
        headers: vectorHeaders,
        signedHeaders: Object.keys(vectorHeaders),
        body: "",
      });
      expect(sha256Hex(canonical)).toBe(v.hash);
      for (const algorithm of ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"] as const) {
        expect(stringToSign(algorithm, canonical)).toBe(`${algorithm}\n${v.hash}`);
      }
    });
  }
});

describe("full request vector with the published unit-test key", () => {
  const body =
    '{"webCheckoutDetails":{"checkoutReviewReturnUrl":"https://a.com/merchant-review-page"},"storeId":"amzn1.application-oa2-client.8b5e45312b5248b69eeaStoreId"}';
  const headers = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": "20190923T231908Z",
    "x-amz-pay-host": "pay-api.amazon.com",
    "x-amz-pay-idempotency-key": "cllHyiNvS8cJ8Zas",
    "x-amz-pay-region": "us",
  };
  const canonical = canonicalRequest({
    method: "POST",
    path: "/sandbox/v2/checkoutSessions",
    headers,
    signedHeaders: Object.keys(headers),
    body,
  });
  const v2 =
    "LePcJ6H2+0EkTJO1w0FOQjcp1jgZyuYljGwMhTFvl/XgIwsgtujUpMW4UEn1QPd2mKSLDzU1clSgwFoKbnpAZD+MENycEBVK+VoaW6lfKnQ1uf8il0HldRwzrrtcTGTl8Syu2T0xoPlpPtMbgQDbqFe30ZRVtIvLOMhHRNaHNlFBcOHR+4Xj3pURGaUYp63iqEWhk6x3HgH6nfXxeHmx3VZpf9UtgXxEDjjqty6q6tT8+Vg8ctzC8u26rCTM4WsBPS1B6+729eMHahJZPOW7gU/Xwd4t5WD3A0Zs3bgIthg38YJ+yOacC52NDwR6f+IB4Qte4hbCM4Rlb2igQp029g==";
  const v1 =
    "L8MdHswJYC581r90bsHmaD52vx7rnH1E2XWQdxIqZ1K9S7rg0hL2zYbUyc10oK2dJ2AjwQtgjhXLwRrWxi13Z7CoVUj+TPXO4jiAj+7b4qdxN7qx5Lt4b24UBsilSEkyA9C56yibuK2QCaGsRukLU5ur1C508Ni8pjGtV4Yr93Qg/dHk/7qWBdDpYTVFfM7KJZ3yia117ubaOQ4DT2+bHmy8vSpVRKAEJWpWdHv0NY9IMa3qvXu1D6J06k5h+baOuCil19fj/X38/CjKk0V6ZkFaVEcxNDoaTSWXGVhSB/oQDhkFC6tynIev4O9X4/aoja3ahxF8v2N0Kd/HnYTAFA==";

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

describe("button payload signature", () => {
  const payloadJSON =
    '{"storeId":"amzn1.application-oa2-client.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","webCheckoutDetails":{"checkoutReviewReturnUrl":"https://localhost/test/CheckoutReview.php","checkoutResultReturnUrl":"https://localhost/test/CheckoutResult.php"}}';

  it("hashes the exact payload string", () => {
    expect(sha256Hex(payloadJSON)).toBe("8dec52d799607be40f82d5c8e7ecb6c171e6591c41b1111a576b16076c89381c");
    expect(sha256Hex(payloadJSON.replaceAll("/", "\\/"))).toMatch(/^3261ffae/);
  });

  it("round-trips with a generated key and refuses a re-serialized payload", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    for (const algorithm of ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"] as const) {
      const signature = signButtonPayload(payloadJSON, privateKey, algorithm);
      expect(Buffer.from(signature, "base64")).toHaveLength(256);
      expect(verifyButtonPayload(payloadJSON, signature, publicKey, algorithm)).toBe(true);
      expect(verifyButtonPayload(payloadJSON.replaceAll("/", "\\/"), signature, publicKey, algorithm)).toBe(
        false,
      );
    }
  });
});

describe("sign and verify round trips", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

  it.each(["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"] as SigningAlgorithm[])("%s", (algorithm) => {
    const text = `${algorithm}\n${sha256Hex("x")}`;
    const signature = signString(algorithm, text, privateKey);
    expect(verifyString(algorithm, text, signature, publicKey)).toBe(true);
    expect(verifyString(algorithm, text, signature, other.publicKey)).toBe(false);
    const otherAlgorithm =
      algorithm === "AMZN-PAY-RSASSA-PSS" ? "AMZN-PAY-RSASSA-PSS-V2" : "AMZN-PAY-RSASSA-PSS";
    expect(verifyString(otherAlgorithm, text, signature, publicKey)).toBe(false);
    expect(verifyString(algorithm, text, "not base64!", publicKey)).toBe(false);
    expect(verifyString(algorithm, text, "", publicKey)).toBe(false);
  });

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

describe("x-amz-pay-date", () => {
  it("formats the basic form and parses both SDK forms", () => {
    const date = new Date(Date.UTC(2019, 8, 23, 23, 19, 8));
    expect(formatAmzDate(date)).toBe("20190923T231908Z");
    expect(parseAmzDate("20190923T231908Z")?.getTime()).toBe(date.getTime());
    expect(parseAmzDate("2019-09-23T23:19:08Z")?.getTime()).toBe(date.getTime());
    for (const bad of ["20191323T000000Z", "2019-09-23 23:19:08", "yesterday", "20190923T236008Z"])
      expect(parseAmzDate(bad)).toBeNull();
  });
});
