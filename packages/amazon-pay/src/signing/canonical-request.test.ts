import { describe, expect, it } from "vitest";
import { sha256Hex } from "./algorithms";
import { canonicalQueryString, canonicalRequest, canonicalUri, stringToSign } from "./canonical-request";

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
