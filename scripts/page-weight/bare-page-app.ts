// The smallest App Router page there is (a root layout and a page, no client component), built
// with this repository's Next.js: the floor the page-weight report (measure-bare-page.ts) and the
// Lighthouse benchmark (scripts/bench/lighthouse.ts) compare the shop with.
//
// The app is written under .data/ (ignored by git, lint and formatting) so Turbopack, whose
// root is this repository, can build it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "../..");
export const NEXT_BIN = path.join(root, "node_modules/next/dist/bin/next");
export const BARE_PAGE_APP_DIR = path.join(root, ".data/page-weight/bare-page");
const BUILT_WITH = path.join(BARE_PAGE_APP_DIR, "built-with-next.txt");

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

/** The Next.js version installed in this repository. */
export function installedNextVersion(): string {
  const file = path.join(root, "node_modules/next/package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** Writes the bare app afresh and builds it (`next build`). */
export function buildBarePageApp(): void {
  rmSync(BARE_PAGE_APP_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(BARE_PAGE_APP_DIR, file)), { recursive: true });
    writeFileSync(path.join(BARE_PAGE_APP_DIR, file), text);
  }
  execFileSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: BARE_PAGE_APP_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(BUILT_WITH, installedNextVersion());
}

/** Builds the bare app unless a build with the installed Next.js is there already. */
export function ensureBarePageApp(): void {
  const built = existsSync(BUILT_WITH) ? readFileSync(BUILT_WITH, "utf8") : null;
  if (built !== installedNextVersion() || !existsSync(path.join(BARE_PAGE_APP_DIR, ".next/BUILD_ID")))
    buildBarePageApp();
}
