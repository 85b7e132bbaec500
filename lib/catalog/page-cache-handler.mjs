// The server's cache of rendered pages and cached data (next.config.ts `cacheHandler`): the
// catalog pages are rendered once per server process and served from here to every buyer until
// the catalog changes. It differs from Next.js's built-in cache in three ways:
//
// 1. A cached page carries no nonce, so each one gets a Content-Security-Policy that allows
//    exactly its own inline scripts by SHA-256 hash (with the other headers that depend on the
//    configuration, cached-page-headers.mjs). Pages are stored and served only for requests
//    without a nonce: the catalog pages, which proxy.ts leaves alone; a page rendered under a
//    nonce is never shared.
// 2. It lives in this process's memory only, never on disk and never from the build: a page
//    shows the database and configuration (Amazon Pay settings, URLs) of the server that
//    rendered it, and several servers with different settings may share one build.
// 3. A revalidated tag expires at once: the next request renders the page again.
//
// Several servers behind a load balancer each keep their own copy; revalidate on each (or
// replace this handler with a shared store, keeping the policy step). Loaded by Next.js at run
// time, outside the bundle, hence plain JavaScript.
import { cachedPageHeaders } from "../security/cached-page-headers.mjs";
import { fillScriptHashes, inlineScriptHashes } from "../security/content-security-policy-hashes.mjs";

const CACHE_TAGS_HEADER = "x-next-cache-tags";
const CSP_HEADER = "Content-Security-Policy";
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** key → { value, lastModified, cacheControl, tags, hashes, bytes }, oldest use first. */
const entries = new Map();
/** tag → when it was revalidated (ms); entries older than that are expired. */
const revalidatedAt = new Map();
let storedBytes = 0;

function headerValue(headers, name) {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function tagsOf(data, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(data?.tags ?? [])]);
  const header = headerValue(data?.headers, CACHE_TAGS_HEADER);
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return tags;
}

function sizeOf(data) {
  if (data?.kind === "APP_PAGE") {
    let bytes = Buffer.byteLength(data.html ?? "") + (data.rscData?.byteLength ?? 0);
    for (const segment of data.segmentData?.values() ?? []) bytes += segment.byteLength;
    return bytes;
  }
  return JSON.stringify(data ?? null).length;
}

function isExpired(entry, extraTags) {
  for (const tag of [...entry.tags, ...extraTags]) {
    if ((revalidatedAt.get(tag) ?? -Infinity) >= entry.lastModified) return true;
  }
  return false;
}

/** The configuration's headers for a page whose inline scripts have these hashes. */
function stampedHeaders(published, hashes) {
  const headers = { ...published };
  headers[CSP_HEADER] = fillScriptHashes(published[CSP_HEADER], hashes);
  return headers;
}

function remove(key) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  storedBytes -= entry.bytes;
}

export default class PageCacheHandler {
  /** @param {{ maxMemoryCacheSize?: number, _requestHeaders?: Record<string, string | string[] | undefined> }} ctx */
  constructor(ctx = {}) {
    this.maxBytes = ctx.maxMemoryCacheSize || DEFAULT_MAX_BYTES;
    // proxy.ts gives every page it sees a nonce, through this request header.
    this.nonceRequest = /'nonce-/.test(headerValue(ctx._requestHeaders, "content-security-policy") ?? "");
  }

  /** The configuration's page headers when pages may be cached for this request, else null. */
  pageHeaders() {
    return this.nonceRequest ? null : cachedPageHeaders();
  }

  /** Pages are cached only for requests without a nonce, once the server has started. */
  cachesThis(kind) {
    return kind !== "APP_PAGE" || this.pageHeaders() !== null;
  }

  async get(key, ctx = {}) {
    if (!this.cachesThis(ctx.kind)) return null;
    const entry = entries.get(key);
    if (!entry) return null;
    if (isExpired(entry, [...(ctx.tags ?? []), ...(ctx.softTags ?? [])])) {
      remove(key);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry); // most recently used last
    const { value, lastModified, cacheControl } = entry;
    if (value?.kind !== "APP_PAGE") return { value, lastModified, cacheControl };
    const headers = { ...value.headers, ...stampedHeaders(this.pageHeaders(), entry.hashes) };
    return { value: { ...value, headers }, lastModified, cacheControl };
  }

  async set(key, data, ctx = {}) {
    remove(key);
    if (!data || !this.cachesThis(data.kind)) return;
    let hashes = [];
    if (data.kind === "APP_PAGE") {
      hashes = inlineScriptHashes(data.html);
      // Next.js serves this same object to the request that rendered it.
      data.headers = { ...data.headers, ...stampedHeaders(this.pageHeaders(), hashes) };
      // Not-found pages answer any slug anyone makes up: rendered each time, never stored.
      if (data.status === 404) return;
    }
    const bytes = sizeOf(data);
    if (bytes > this.maxBytes / 2) return; // would push out nearly everything else
    entries.set(key, {
      value: data,
      lastModified: Date.now(),
      cacheControl: ctx.cacheControl,
      tags: tagsOf(data, ctx),
      hashes,
      bytes,
    });
    storedBytes += bytes;
    for (const oldest of entries.keys()) {
      if (storedBytes <= this.maxBytes) break;
      remove(oldest);
    }
  }

  async revalidateTag(tags) {
    const now = Date.now();
    for (const tag of typeof tags === "string" ? [tags] : tags) revalidatedAt.set(tag, now);
  }

  resetRequestCache() {}
}
