import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  firstLoadFiles,
  firstLoadWeight,
  formatWeightTable,
  projectClientModules,
  readClientManifest,
} from "./build-manifests";

// A miniature .next as `next build` leaves it: the build manifest, one route's client
// reference manifest (a script that assigns to globalThis) and the chunks.
const nextDir = mkdtempSync(path.join(tmpdir(), "page-weight-"));
const chunk = (name: string, text: string) =>
  writeFileSync(path.join(nextDir, "static", "chunks", name), text);
mkdirSync(path.join(nextDir, "static", "chunks"), { recursive: true });
mkdirSync(path.join(nextDir, "server", "app", "checkout", "review"), { recursive: true });
writeFileSync(
  path.join(nextDir, "build-manifest.json"),
  JSON.stringify({
    rootMainFiles: ["static/chunks/main.js", "static/chunks/react.js"],
    polyfillFiles: ["static/chunks/polyfill.js"],
  }),
);
chunk("main.js", "m".repeat(1000));
chunk("react.js", "r".repeat(2048));
chunk("layout.js", "l".repeat(512));
chunk("review.js", "console.log('review');".repeat(10));
chunk("polyfill.js", "p".repeat(99_999));
const manifest = {
  clientModules: {
    "[project]/node_modules/next/dist/client/app-dir/link.js": { chunks: ["/_next/static/chunks/layout.js"] },
    "[project]/components/layout/cart-count.tsx": { chunks: ["/_next/static/chunks/layout.js"] },
    "[project]/components/checkout/place-order-form.tsx": {
      chunks: ["/_next/static/chunks/layout.js", "/_next/static/chunks/review.js"],
    },
  },
  entryJSFiles: {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/checkout/review/page": ["static/chunks/layout.js", "static/chunks/review.js"],
  },
};
writeFileSync(
  path.join(nextDir, "server", "app", "checkout", "review", "page_client-reference-manifest.js"),
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/checkout/review/page"] = ${JSON.stringify(manifest)};`,
);

afterAll(() => rmSync(nextDir, { recursive: true, force: true }));

describe("page weight from the build manifests", () => {
  it("reads a route's client reference manifest", () => {
    expect(readClientManifest(nextDir, "/checkout/review").entryJSFiles["[project]/app/layout"]).toEqual([
      "static/chunks/layout.js",
    ]);
    expect(() => readClientManifest(nextDir, "/nowhere")).toThrow(/next build/);
  });

  it("counts the root scripts and every entry chunk once, never the nomodule polyfills", () => {
    expect(firstLoadFiles(nextDir, "/checkout/review")).toEqual([
      "static/chunks/layout.js",
      "static/chunks/main.js",
      "static/chunks/react.js",
      "static/chunks/review.js",
    ]);
  });

  it("adds up raw and gzip bytes", () => {
    const weight = firstLoadWeight(nextDir, "/checkout/review");
    const review = "console.log('review');".repeat(10);
    expect(weight).toMatchObject({
      route: "/checkout/review",
      files: 4,
      rawBytes: 1000 + 2048 + 512 + review.length,
    });
    const gzip = ["m".repeat(1000), "r".repeat(2048), "l".repeat(512), review].reduce(
      (sum, text) => sum + gzipSync(text, { level: 9 }).byteLength,
      0,
    );
    expect(weight.gzipBytes).toBe(gzip);
  });

  it("lists the shop's own client components, not the framework's", () => {
    expect(projectClientModules(readClientManifest(nextDir, "/checkout/review"))).toEqual([
      "components/checkout/place-order-form.tsx",
      "components/layout/cart-count.tsx",
    ]);
  });

  it("prints an aligned table in KB", () => {
    const table = formatWeightTable([
      { route: "/", files: 3, rawBytes: 2048, gzipBytes: 1024 },
      { route: "/checkout/review", files: 4, rawBytes: 10_240, gzipBytes: 512 },
    ]);
    expect(table.split("\n")).toEqual([
      "Route             Files  First-load JS (KB)  gzip (KB)",
      "----------------  -----  ------------------  ---------",
      "/                     3                 2.0        1.0",
      "/checkout/review      4                10.0        0.5",
    ]);
  });

  it("leads with the bare page and gives each route as a multiple of it", () => {
    const table = formatWeightTable([{ route: "/", files: 3, rawBytes: 2150, gzipBytes: 1000 }], {
      label: "bare page",
      weight: { route: "/", files: 2, rawBytes: 2048, gzipBytes: 1000 },
    });
    expect(table.split("\n")).toEqual([
      "Route      Files  First-load JS (KB)  gzip (KB)  × bare (raw / gzip)",
      "---------  -----  ------------------  ---------  -------------------",
      "bare page      2                 2.0        1.0        1.000 / 1.000",
      "/              3                 2.1        1.0        1.050 / 1.000",
    ]);
  });
});
