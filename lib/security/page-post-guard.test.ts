import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkActionArguments,
  checkPagePost,
  isForeignOrigin,
  MAX_ACTION_BODY_BYTES,
} from "./page-post-guard";

const SHOP = "http://127.0.0.1:3000";

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(`${SHOP}/cart`, {
    method: "POST",
    body,
    headers: { host: "127.0.0.1:3000", ...headers },
  });
}
const action = { "next-action": "40e4d0390888a63f19da7b61eeba1b5b9044a6e92c" };

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("isForeignOrigin", () => {
  const headers = (entries: Record<string, string>) => new Headers({ host: "127.0.0.1:3000", ...entries });
  it("accepts the shop's own origin, a request without one, SHOP_URL and a forwarded host", () => {
    expect(isForeignOrigin(headers({ origin: SHOP }), SHOP)).toBe(false);
    expect(isForeignOrigin(headers({}), SHOP)).toBe(false);
    expect(isForeignOrigin(new Headers({ host: "internal:8080", origin: SHOP }), SHOP)).toBe(false);
    expect(
      isForeignOrigin(
        new Headers({
          host: "internal:8080",
          "x-forwarded-host": "shop.example",
          origin: "https://shop.example",
        }),
        SHOP,
      ),
    ).toBe(false);
  });
  it("refuses other sites, other ports, null and garbage", () => {
    for (const origin of [
      "https://evil.example",
      "http://127.0.0.1:3001",
      "null",
      "not a url",
      "http://127.0.0.1:3000.evil.example",
    ]) {
      expect(isForeignOrigin(headers({ origin }), SHOP), origin).toBe(true);
    }
  });
});

describe("checkActionArguments", () => {
  it("accepts what React's client sends for this shop's actions", () => {
    for (const text of [
      '["$K1"]',
      '[null,"$K1"]',
      '[{"ok":false,"error":"$$12.50 is too much"},"$K1"]',
      '[{"sessionId":"abc","quantity":2,"shippingAddress":"$undefined"}]',
      "[]",
      '["$-0","$NaN","$Infinity","$-Infinity"]',
    ]) {
      expect(checkActionArguments(text), text).toBeNull();
    }
  });
  it("refuses bodies that make React's decoder throw", () => {
    for (const text of [
      "",
      "not json",
      "5",
      '"x"',
      "null",
      '{"a":1}',
      '["$h1"]',
      '["$F1"]',
      '["$Q1"]',
      '["$1"]',
      '["$nabc"]',
      '["$B1"]',
      '[{"a":["$@1"]}]',
      "[".repeat(40) + "]".repeat(40),
    ]) {
      expect(checkActionArguments(text), text).not.toBeNull();
    }
  });
  it("accepts every argument list of plain values whose $-strings are escaped as React does", () => {
    const escape = (value: unknown): unknown =>
      typeof value === "string"
        ? value.startsWith("$")
          ? `$${value}`
          : value
        : Array.isArray(value)
          ? value.map(escape)
          : value && typeof value === "object"
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escape(v)]))
            : value;
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 6 })),
        (args) => checkActionArguments(JSON.stringify(escape(args))) === null,
      ),
      { seed: 20261122, numRuns: 300 },
    );
  });
});

describe("checkPagePost", () => {
  it("lets ordinary page posts and well-formed action calls through", async () => {
    expect(await checkPagePost(post("hello", { "content-type": "text/plain" }), SHOP)).toBeNull();
    expect(await checkPagePost(post('[{"sessionId":"abc"}]', { ...action, origin: SHOP }), SHOP)).toBeNull();
    expect(
      await checkPagePost(post(formOf({ _1_slug: "mug", "0": '[null,"$K1"]' }), action), SHOP),
    ).toBeNull();
    expect(await checkPagePost(post(formOf({ $ACTION_ID_abc: "", slug: "mug" })), SHOP)).toBeNull();
  });
  it("refuses foreign origins with 403, before reading anything", async () => {
    expect(
      await checkPagePost(post('["x"]', { ...action, origin: "https://evil.example" }), SHOP),
    ).toMatchObject({ status: 403 });
    expect(
      await checkPagePost(post(formOf({ slug: "mug" }), { origin: "https://evil.example" }), SHOP),
    ).toMatchObject({ status: 403 });
  });
  it("refuses malformed action bodies with 400", async () => {
    expect(await checkPagePost(post("not json", action), SHOP)).toMatchObject({ status: 400 });
    expect(await checkPagePost(post(formOf({ _1_slug: "mug" }), action), SHOP)).toMatchObject({
      status: 400,
      error: "The action arguments are missing.",
    });
    expect(await checkPagePost(post(formOf({ "0": "{}" }), action), SHOP)).toMatchObject({ status: 400 });
    expect(
      await checkPagePost(
        post("garbage", { ...action, "content-type": "multipart/form-data; boundary=xyz" }),
        SHOP,
      ),
    ).toMatchObject({ status: 400 });
    expect(
      await checkPagePost(post("garbage", { "content-type": "multipart/form-data; boundary=xyz" }), SHOP),
    ).toMatchObject({ status: 400 });
  });
  it("refuses bodies over 1 MB with 413, declared or not", async () => {
    const big = JSON.stringify(["a".repeat(MAX_ACTION_BODY_BYTES)]);
    expect(await checkPagePost(post(big, action), SHOP)).toMatchObject({ status: 413 });
    expect(
      await checkPagePost(
        post("[]", { ...action, "content-length": String(MAX_ACTION_BODY_BYTES + 1) }),
        SHOP,
      ),
    ).toMatchObject({ status: 413 });
  });
  it("leaves the body readable for Next.js", async () => {
    const request = post('["abc"]', action);
    expect(await checkPagePost(request, SHOP)).toBeNull();
    expect(await request.text()).toBe('["abc"]');
  });
});
