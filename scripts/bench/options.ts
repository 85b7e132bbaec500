// The checkout benchmark's command line (see scripts/bench/checkout.ts for the usage line).
import { parseArgs } from "node:util";

export type BenchDatabase = "sqlite" | "postgresql";

export interface BenchOptions {
  databases: BenchDatabase[];
  latencies: number[];
  concurrencies: number[];
  /** Checkouts per level; unset: three per buyer, at least 24. */
  fixedCheckouts: number | undefined;
  catalogSeconds: number;
  /** Only the floor and the catalog reads, no checkouts (--catalog-only). */
  catalogOnly: boolean;
  /** Paid orders already in the database before the run (--past-orders): a shop with a history. */
  pastOrders: number;
  /** Shop processes (`next start`), one per core at most, on ports from shopPort up. */
  instances: number;
  shopPort: number;
  emulatorPort: number;
  postgresUrl: string;
  /** Results folder, relative to the repository. */
  out: string;
}

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const numbers = (text: string, name: string) =>
  list(text).map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: "${s}" is not a whole number`);
    return n;
  });

function instancesOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new Error(`--instances: "${text}" is not a number from 1 to 16`);
  return n;
}

export function parseBenchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      database: { type: "string", default: "sqlite,postgresql" },
      latency: { type: "string", default: "0,100" },
      concurrency: { type: "string", default: "1,8,32" },
      checkouts: { type: "string" },
      "catalog-seconds": { type: "string", default: "5" },
      "catalog-only": { type: "boolean", default: false },
      "past-orders": { type: "string", default: "0" },
      instances: { type: "string", default: "1" },
      "shop-port": { type: "string", default: "3300" },
      "emulator-port": { type: "string", default: "4310" },
      "postgres-url": {
        type: "string",
        default: process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/storefront_bench",
      },
      out: { type: "string", default: "bench-results" },
    },
  });
  const instances = instancesOf(args.instances);
  const shopPort = Number(args["shop-port"]);
  const emulatorPort = Number(args["emulator-port"]);
  // The shops take shopPort and up; with several, their IPN balancer takes the port after them.
  const lastShopSidePort = shopPort + (instances > 1 ? instances : 0);
  if (emulatorPort >= shopPort && emulatorPort <= lastShopSidePort)
    throw new Error(
      `--emulator-port ${emulatorPort} is among the shop's ports ${shopPort} to ${lastShopSidePort}`,
    );
  return {
    databases: list(args.database).map((d) => {
      if (d !== "sqlite" && d !== "postgresql")
        throw new Error(`--database: "${d}" is neither sqlite nor postgresql`);
      return d;
    }),
    latencies: numbers(args.latency, "latency"),
    concurrencies: numbers(args.concurrency, "concurrency").filter((c) => c > 0),
    fixedCheckouts: args.checkouts === undefined ? undefined : numbers(args.checkouts, "checkouts")[0],
    catalogSeconds: Number(args["catalog-seconds"]),
    catalogOnly: args["catalog-only"],
    pastOrders: numbers(args["past-orders"], "past-orders")[0] ?? 0,
    instances,
    shopPort,
    emulatorPort,
    postgresUrl: args["postgres-url"],
    out: args.out,
  };
}
