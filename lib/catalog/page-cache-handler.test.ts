import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publishCachedPageHeaders } from "@/lib/security/cached-page-headers.mjs";
import { SCRIPT_HASHES_PLACEHOLDER } from "@/lib/security/content-security-policy-hashes.mjs";
import PageCacheHandler from "./page-cache-handler.mjs";

const TEMPLATE = `default-src 'self'; script-src 'self' ${SCRIPT_HASHES_PLACEHOLDER}; object-src 'none'`;
publishCachedPageHeaders({
  "Strict-Transport-Security": "max-age=63072000",
  "Content-Security-Policy": TEMPLATE,
});
/** A request the proxy did not see (a catalog GET). */
const marked = (extra: Record<string, unknown> = {}) =>
  new PageCacheHandler({ _requestHeaders: {}, ...extra });
/** A request through the proxy, which gives pages a nonce. */
const unmarked = () =>
  new PageCacheHandler({
    _requestHeaders: { "content-security-policy": "script-src 'self' 'nonce-MDEyMzQ1Njc4OWFiY2RlZg=='" },
  });

const SCRIPT = "self.__next_f.push([1,'hello'])";
const HASH = `'sha256-${createHash("sha256").update(SCRIPT).digest("base64")}'`;
const page = (tags: string, status?: number) => ({
  kind: "APP_PAGE",
  html: `<html><body><script src="/a.js"></script><script>${SCRIPT}</script></body></html>`,
  rscData: Buffer.from("0:{}"),
  headers: { "x-next-cache-tags": tags } as Record<string, string>,
  status,
});
const APP_PAGE = { kind: "APP_PAGE" };
let keys = 0;
const newKey = () => `/route-cache/APP_PAGE/test/$/page-${++keys}`;

describe("the page cache", () => {
  it("serves a page with a policy that allows exactly its inline scripts", async () => {
    const key = newKey();
    const data = page("_N_T_/layout,catalog");
    await marked().set(key, data, { cacheControl: { revalidate: 300 } });
    const expected = `default-src 'self'; script-src 'self' ${HASH}; object-src 'none'`;
    // The request that rendered the page gets the headers on the very object Next.js serves.
    expect(data.headers["Content-Security-Policy"]).toBe(expected);
    expect(data.headers["Strict-Transport-Security"]).toBe("max-age=63072000");
    const hit = await marked().get(key, APP_PAGE);
    expect(hit?.value?.headers?.["Content-Security-Policy"]).toBe(expected);
    expect(hit?.value?.headers?.["x-next-cache-tags"]).toBe("_N_T_/layout,catalog");
    expect(hit?.value?.html).toBe(data.html);
    expect(hit?.cacheControl).toEqual({ revalidate: 300 });
  });

  it("stores and serves pages only for requests without a nonce", async () => {
    const key = newKey();
    await unmarked().set(key, page("catalog"), {});
    expect(await marked().get(key, APP_PAGE)).toBeNull();
    await marked().set(key, page("catalog"), {});
    expect(await unmarked().get(key, APP_PAGE)).toBeNull();
    expect(await marked().get(key, APP_PAGE)).not.toBeNull();
  });

  it("caches no page before the server has handed it the headers pages carry", async () => {
    const key = newKey();
    const published = Symbol.for("storefront.cachedPageHeaders");
    const headers = (globalThis as Record<symbol, unknown>)[published];
    (globalThis as Record<symbol, unknown>)[published] = undefined;
    try {
      const data = page("catalog");
      await marked().set(key, data, {});
      expect(data.headers["Content-Security-Policy"]).toBeUndefined();
      expect(await marked().get(key, APP_PAGE)).toBeNull();
    } finally {
      (globalThis as Record<symbol, unknown>)[published] = headers;
    }
  });

  it("answers a not-found page with its policy but never stores it", async () => {
    const key = newKey();
    const data = page("catalog", 404);
    await marked().set(key, data, {});
    expect(data.headers["Content-Security-Policy"]).toContain(HASH);
    expect(await marked().get(key, APP_PAGE)).toBeNull();
  });

  it("caches data for everyone, and expires pages and data when their tag is revalidated", async () => {
    const pageKey = newKey();
    const dataKey = `fetch-${pageKey}`;
    await marked().set(pageKey, page("_N_T_/layout,catalog"), {});
    await unmarked().set(
      dataKey,
      { kind: "FETCH", data: { body: "[]" }, revalidate: 300 },
      { tags: ["catalog"] },
    );
    expect(await unmarked().get(dataKey, { kind: "FETCH" })).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await unmarked().revalidateTag(["catalog"]);
    expect(await marked().get(pageKey, APP_PAGE)).toBeNull();
    expect(await unmarked().get(dataKey, { kind: "FETCH" })).toBeNull();
    // Rendered again after the change: served again.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await marked().set(pageKey, page("_N_T_/layout,catalog"), {});
    expect(await marked().get(pageKey, APP_PAGE)).not.toBeNull();
  });

  it("expires data by the path tags of the request that reads it (revalidatePath)", async () => {
    const key = `fetch-${newKey()}`;
    await unmarked().set(key, { kind: "FETCH", data: { body: "1" }, revalidate: 300 }, { tags: [] });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await unmarked().revalidateTag("_N_T_/products/pin");
    expect(await unmarked().get(key, { kind: "FETCH", softTags: ["_N_T_/"] })).not.toBeNull();
    expect(await unmarked().get(key, { kind: "FETCH", softTags: ["_N_T_/products/pin"] })).toBeNull();
  });

  it("keeps to its memory budget by dropping the least recently used pages", async () => {
    const big = () => ({ ...page("x"), html: `<p>${"x".repeat(2_000)}</p>` }); // about 2 KB
    const small = () => marked({ maxMemoryCacheSize: 5_000 }); // room for two
    const [a, b, c] = [newKey(), newKey(), newKey()];
    await small().set(a, big(), {});
    await small().set(b, big(), {});
    expect(await small().get(a, APP_PAGE)).not.toBeNull(); // a is now the most recent
    await small().set(c, big(), {});
    expect(await small().get(b, APP_PAGE)).toBeNull();
    expect(await small().get(a, APP_PAGE)).not.toBeNull();
    expect(await small().get(c, APP_PAGE)).not.toBeNull();
  });
});
