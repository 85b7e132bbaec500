// The arrows allowed between the parts of the repository, checked by `npm run check:arrows` (part
// of `npm test`). scripts/architecture/arrows.test.ts shows that each rule catches what it names.
import fs from "node:fs";
import path from "node:path";

/**
 * The shop's rooms, top to bottom. A room imports only itself and the rooms below it, so no two
 * rooms can ever depend on each other. Test files are harness, not shop code, and are left out.
 */
const ROOMS = [
  ["app", "^(app/|proxy\\.ts$|instrumentation\\.ts$)"],
  ["components", "^components/"],
  ["lib/startup", "^lib/startup\\.ts$"],
  ["lib/health", "^lib/health\\.ts$"],
  ["lib/merchant", "^lib/merchant/"],
  ["lib/settlement", "^lib/settlement/"],
  ["lib/reconciliation", "^lib/reconciliation/"],
  ["lib/checkout", "^lib/checkout/"],
  ["lib/orders", "^lib/orders/"],
  ["lib/admin", "^lib/admin/"],
  ["lib/cart", "^lib/cart/"],
  ["lib/catalog", "^lib/catalog/"],
  ["lib/pricing", "^lib/pricing/"],
  ["lib/presentment", "^lib/presentment/"],
  ["lib/amazon-pay", "^lib/amazon-pay/"],
  ["lib/payment-events", "^lib/payment-events\\.ts$"],
  ["lib/db", "^lib/(db\\.ts$|prisma/|generated/)"],
  ["lib helpers", "^lib/(action-result\\.ts|crash-point\\.ts|http/|security/|shop/|swr/)"],
  ["lib/market", "^lib/market/"],
  ["lib/env", "^lib/env\\.ts$"],
  ["lib/money", "^lib/money\\.ts$"],
];

const TEST_FILE = "\\.test\\.tsx?$";
const SHOP = "^(app/|components/|lib/|proxy\\.ts$|instrumentation\\.ts$)";

/** The Amazon Pay client, and the shop's connection that builds it from the environment. */
const AMAZON_PAY_CLIENT =
  "^(lib/amazon-pay/connection\\.ts|packages/amazon-pay/src/(client|config)(\\.ts|/))";
const CLIENT_CALLERS = "^lib/(amazon-pay|checkout|orders|merchant|reconciliation|settlement)/";
const DATABASE = "^(lib/(db\\.ts|prisma/|generated/)|node_modules/@prisma/)";

/** Every module of the shop and the client package that declares `import "server-only"`. */
function serverOnlyModules() {
  const found = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(path.join(import.meta.dirname, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") visit(relative);
      } else if (/\.tsx?$/.test(entry.name) && !new RegExp(TEST_FILE).test(entry.name)) {
        const source = fs.readFileSync(path.join(import.meta.dirname, relative), "utf8");
        if (/^import "server-only";/m.test(source)) found.push(relative);
      }
    }
  };
  for (const dir of ["lib", "packages/amazon-pay/src"]) visit(dir);
  return found.map((file) => `^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
}

const roomRules = ROOMS.slice(1).map(([name, pattern], index) => ({
  name: `room-order:${name}`,
  comment: `${name} imports only rooms below it (see ROOMS in .dependency-cruiser.mjs).`,
  severity: "error",
  from: { path: pattern, pathNot: TEST_FILE },
  to: { path: ROOMS.slice(0, index + 1).map(([, above]) => above) },
}));

const config = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No file depends on itself through other files.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every import resolves (an unresolved one would slip past every other rule).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    ...roomRules,
    {
      name: "amazon-pay-client-callers",
      comment:
        "Only checkout, orders, merchant, settlement and reconciliation call Amazon Pay, through the connection.",
      severity: "error",
      from: { path: SHOP, pathNot: [CLIENT_CALLERS, TEST_FILE] },
      to: { path: AMAZON_PAY_CLIENT },
    },
    {
      name: "app-not-database-or-amazon-pay",
      comment: "Pages and routes go through lib/<domain>, never to Prisma or Amazon Pay directly.",
      severity: "error",
      from: { path: ROOMS[0][1] },
      to: { path: [DATABASE, "^lib/amazon-pay/", "^packages/amazon-pay/"] },
    },
    {
      name: "prisma-types-from-lib-prisma",
      comment: "Only lib/prisma names a generated client; everything else takes lib/prisma/types.",
      severity: "error",
      from: { pathNot: "^lib/(prisma|generated)/" },
      to: { path: "^lib/generated/" },
    },
    {
      name: "components-not-server-only",
      comment: "Components may end up in the browser bundle: no server-only module, no database.",
      severity: "error",
      from: { path: "^components/" },
      to: {
        path: [
          ...serverOnlyModules(),
          DATABASE,
          "^lib/amazon-pay/",
          "^node_modules/(server-only|next/headers)",
        ],
      },
    },
    {
      name: "shop-not-emulator",
      comment: "The shop reaches the emulator only by URL, exactly as it reaches Amazon.",
      severity: "error",
      from: { path: SHOP, pathNot: TEST_FILE },
      to: { path: "^packages/amazon-pay-emulator/" },
    },
    {
      name: "client-package-standalone",
      comment: "The Amazon Pay client knows nothing of the repository, Next.js, Prisma or React.",
      severity: "error",
      from: { path: "^packages/amazon-pay/" },
      to: {
        pathNot: "^packages/amazon-pay/",
        path: [
          "^(app|components|lib|e2e|scripts|tests|prisma|packages)/",
          "^node_modules/(next|@prisma|react|react-dom)/",
        ],
      },
    },
    {
      name: "emulator-uses-only-the-client-package",
      comment: "The emulator imports the client package and npm packages, nothing of the shop.",
      severity: "error",
      from: { path: "^packages/amazon-pay-emulator/" },
      to: {
        pathNot: "^packages/(amazon-pay|amazon-pay-emulator)/",
        path: ["^(app|components|lib|e2e|scripts|tests|prisma|packages)/", "^node_modules/(next|@prisma)/"],
      },
    },
  ],
  options: {
    doNotFollow: { path: ["^node_modules/", "^lib/generated/"] },
    exclude: { path: ["^\\.next/", "^packages/amazon-pay-emulator/public/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
  },
};

export default config;
