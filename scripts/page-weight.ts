// `npm run build` ends here: prints the first-load JavaScript of every page of the shop, read
// from the build manifests (raw and gzip), beside a bare App Router page on the same Next.js
// (scripts/page-weight/bare-page.json). Usage: page-weight.ts [.next directory]
import { readFileSync } from "node:fs";
import path from "node:path";
import { MAX_RATIO, ratioToBare, readBarePage, WEIGHED_ROUTES, withinBudget } from "./page-weight/bare-page";
import { firstLoadWeight, formatWeightTable } from "./page-weight/build-manifests";

const nextDir = process.argv[2] ?? ".next";
const bare = readBarePage();
const { version } = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../node_modules/next/package.json"), "utf8"),
) as { version: string };
const weights = WEIGHED_ROUTES.map((route) => firstLoadWeight(nextDir, route));

console.log("\nFirst-load JavaScript per page (every script a first visit downloads):\n");
console.log(
  formatWeightTable(weights, {
    label: `bare page (Next.js ${bare.nextVersion})`,
    weight: { route: "/", files: bare.files, rawBytes: bare.rawBytes, gzipBytes: bare.gzipBytes },
  }),
);
const over = weights.filter((weight) => !withinBudget(ratioToBare(weight, bare)));
if (over.length > 0)
  console.log(`\nOver ${MAX_RATIO} × the bare page: ${over.map((weight) => weight.route).join(", ")}`);
else console.log(`\nEvery page is within ${MAX_RATIO} × the bare page, raw and gzipped.`);
if (version !== bare.nextVersion)
  console.log(
    `\nThe bare page was measured on Next.js ${bare.nextVersion}, this is ${version}: run scripts/page-weight/measure-bare-page.ts again.`,
  );
console.log();
