import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  fillScriptHashes,
  inlineScriptHashes,
  SCRIPT_HASHES_PLACEHOLDER,
} from "./content-security-policy-hashes.mjs";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes each inline script the browser runs, exactly as written, once", () => {
    const flight = 'self.__next_f.push([1,"0:{\\"a\\":\\"\\u003c/script>\\"}"])';
    const html = [
      '<html><head><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script id="_R_">(globalThis["TURBOPACK"] || []).push({})</script></head><body>',
      "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
      `<script>${flight}</script>`,
      `<script>${flight}</script>`,
      '<script type="module">import("/x.js")</script>',
      '<script type="application/ld+json">{"@type":"Product"}</script>',
      '<SCRIPT nonce="abc">\n  café();\n</SCRIPT>',
      "</body></html>",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([
      sha256('(globalThis["TURBOPACK"] || []).push({})'),
      sha256("(self.__next_f=self.__next_f||[]).push([0])"),
      sha256(flight),
      sha256('import("/x.js")'),
      sha256("\n  café();\n"),
    ]);
  });

  it("finds none in a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>Hi</p><script src="/a.js"></script>')).toEqual([]);
  });
});

describe("fillScriptHashes", () => {
  const template = `default-src 'self'; script-src 'self' ${SCRIPT_HASHES_PLACEHOLDER} https://x.example; object-src 'none'`;

  it("puts the hashes where the placeholder stands", () => {
    expect(fillScriptHashes(template, ["'sha256-a'", "'sha256-b'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b' https://x.example; object-src 'none'",
    );
  });

  it("leaves only the shop's and Amazon's script origins when there are none", () => {
    expect(fillScriptHashes(template, [])).toBe(
      "default-src 'self'; script-src 'self' https://x.example; object-src 'none'",
    );
  });

  it("refuses a template with no placeholder (a nonce policy, say)", () => {
    expect(() => fillScriptHashes("script-src 'self' 'nonce-abc'", ["'sha256-a'"])).toThrow();
  });
});
