// `npm run build` ends here: prints the first-load JavaScript of the shop's main pages, read
// from the build manifests (raw and gzip). Usage: page-weight.ts [.next directory]
import { firstLoadWeight, formatWeightTable } from "./page-weight/build-manifests";

const WEIGHED_ROUTES = [
  "/",
  "/products/[slug]",
  "/cart",
  "/checkout/review",
  "/orders/[orderNumber]",
] as const;

const nextDir = process.argv[2] ?? ".next";
console.log("\nFirst-load JavaScript per page (every script a first visit downloads):\n");
console.log(formatWeightTable(WEIGHED_ROUTES.map((route) => firstLoadWeight(nextDir, route))));
console.log();
