// Builds the smallest App Router page there is (a root layout and a page, no client component)
// with this repository's Next.js, and records its first-load JavaScript in bare-page.json: the
// floor the shop's pages are compared with (`npm run build` prints both). Run it again after
// upgrading Next.js:
//
//   node --import tsx scripts/page-weight/measure-bare-page.ts
//
// The app is written under .data/ (ignored by git, lint and formatting) so Turbopack, whose
// root is this repository, can build it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BARE_PAGE_FILE, type BarePage } from "./bare-page";
import { firstLoadWeight } from "./build-manifests";

const root = path.join(import.meta.dirname, "../..");
const appDir = path.join(root, ".data/page-weight/bare-page");

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-page", private: true, type: "module" }),
  "next.config.mjs": "export default {};\n",
  // Without these here, Turbopack would take the repository's instrumentation.ts and proxy.ts.
  "instrumentation.ts": "export function register() {}\n",
  "proxy.ts": 'export function proxy() {}\n\nexport const config = { matcher: ["/__none__"] };\n',
  "app/layout.tsx": [
    'import type { ReactNode } from "react";',
    "",
    "export default function RootLayout({ children }: { children: ReactNode }) {",
    "  return (",
    '    <html lang="en">',
    "      <body>{children}</body>",
    "    </html>",
    "  );",
    "}",
    "",
  ].join("\n"),
  "app/page.tsx": "export default function Page() {\n  return <h1>Hello</h1>;\n}\n",
};

rmSync(appDir, { recursive: true, force: true });
for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
  writeFileSync(path.join(appDir, file), text);
}
execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
  cwd: appDir,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});

const { version } = JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")) as {
  version: string;
};
const weight = firstLoadWeight(path.join(appDir, ".next"), "/");
const record: BarePage = {
  nextVersion: version,
  measuredOn: new Date().toISOString().slice(0, 10),
  files: weight.files,
  rawBytes: weight.rawBytes,
  gzipBytes: weight.gzipBytes,
};
writeFileSync(path.join(import.meta.dirname, BARE_PAGE_FILE), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nBare page on Next.js ${version}:`, record);
