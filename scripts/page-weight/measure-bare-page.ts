// Builds the smallest App Router page there is (bare-page-app.ts) with this repository's Next.js,
// and records its first-load JavaScript in bare-page.json: the floor the shop's pages are
// compared with (`npm run build` prints both). Run it again after upgrading Next.js:
//
//   node --import tsx scripts/page-weight/measure-bare-page.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { BARE_PAGE_FILE, type BarePage } from "./bare-page";
import { BARE_PAGE_APP_DIR, buildBarePageApp, installedNextVersion } from "./bare-page-app";
import { firstLoadWeight } from "./build-manifests";

buildBarePageApp();
const weight = firstLoadWeight(path.join(BARE_PAGE_APP_DIR, ".next"), "/");
const record: BarePage = {
  nextVersion: installedNextVersion(),
  measuredOn: new Date().toISOString().slice(0, 10),
  files: weight.files,
  rawBytes: weight.rawBytes,
  gzipBytes: weight.gzipBytes,
};
writeFileSync(path.join(import.meta.dirname, BARE_PAGE_FILE), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nBare page on Next.js ${record.nextVersion}:`, record);
