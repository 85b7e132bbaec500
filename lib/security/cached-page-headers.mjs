// The headers every page served from the page cache carries that depend on this server's
// configuration: the Content-Security-Policy, with a placeholder for the page's script hashes,
// and HSTS on https. lib/startup.ts computes them once from the configuration when the server
// starts; the page cache handler (loaded by Next.js apart from the bundle, hence a global and
// plain JavaScript) stamps them on each page. The rest (nosniff, framing, ...) is constant and
// comes from next.config.ts.
const KEY = Symbol.for("storefront.cachedPageHeaders");

/** @param {Record<string, string>} headers */
export function publishCachedPageHeaders(headers) {
  globalThis[KEY] = Object.freeze({ ...headers });
}

/** @returns {Readonly<Record<string, string>> | null} null until the server has started */
export function cachedPageHeaders() {
  return globalThis[KEY] ?? null;
}
