// The script part of a cached page's Content-Security-Policy. A page served from the cache was
// rendered once for every buyer, so it carries no per-request nonce: its policy allows exactly
// the inline scripts it contains, by SHA-256 hash, and nothing else inline. Plain JavaScript
// because the page cache handler (loaded by Next.js at run time, outside the bundle) uses it too.
import { createHash } from "node:crypto";

/**
 * Stands in the template's script-src for the hashes. Browsers ignore a keyword they do not
 * know, so a template that reached a browser unfilled would allow no inline script at all.
 */
export const SCRIPT_HASHES_PLACEHOLDER = "'inline-script-hashes'";

// Script elements as React and Next.js write them: no "</script" inside one (both escape it).
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;
const TYPE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const JAVASCRIPT_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/** True for an element the browser runs as a script (a JSON-LD data block is not one). */
function runs(attributes) {
  const type = TYPE.exec(attributes);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? "").trim().toLowerCase();
  return JAVASCRIPT_TYPES.has(value);
}

/** The CSP hash sources of every inline script the HTML runs, each once, in document order. */
export function inlineScriptHashes(html) {
  const sources = new Set();
  for (const [, attributes, body] of html.matchAll(SCRIPT_ELEMENT)) {
    if (HAS_SRC.test(attributes) || !runs(attributes)) continue;
    sources.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...sources];
}

/** The template with its placeholder replaced by the hashes (with none, no inline script runs). */
export function fillScriptHashes(template, hashes) {
  if (!template.includes(SCRIPT_HASHES_PLACEHOLDER))
    throw new Error("The page policy template has no place for script hashes.");
  return template
    .replace(SCRIPT_HASHES_PLACEHOLDER, hashes.join(" "))
    .replace(/ {2,}/g, " ")
    .replace(/ ;/g, ";");
}
