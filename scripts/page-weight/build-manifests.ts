// Reads what `next build` wrote to .next about the browser's JavaScript: the scripts every page
// loads (build-manifest.json) and each route's client components and entry chunks (its
// page_client-reference-manifest.js). Next.js 16 no longer prints first-load sizes; these
// manifests are where they come from.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const buildManifestSchema = z.looseObject({ rootMainFiles: z.array(z.string()) });

const clientManifestSchema = z.looseObject({
  clientModules: z.record(z.string(), z.looseObject({ chunks: z.array(z.string()) })),
  entryJSFiles: z.record(z.string(), z.array(z.string())),
});
export type ClientManifest = z.infer<typeof clientManifestSchema>;

/** "/products/[slug]" → "/products/[slug]/page", "/" → "/page". */
const pageKey = (route: string) => `${route === "/" ? "" : route}/page`;

export function readClientManifest(nextDir: string, route: string): ClientManifest {
  const key = pageKey(route);
  const file = path.join(nextDir, "server", "app", `${key}_client-reference-manifest.js`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run next build first (or ${route} is not an App Router page)`);
  const context: { __RSC_MANIFEST?: Record<string, unknown>; globalThis?: unknown } = {};
  context.globalThis = context;
  vm.runInNewContext(readFileSync(file, "utf8"), context, { filename: file, timeout: 1_000 });
  return clientManifestSchema.parse(context.__RSC_MANIFEST?.[key]);
}

export function rootMainFiles(nextDir: string): string[] {
  return buildManifestSchema.parse(
    JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")),
  ).rootMainFiles;
}

/** Every script a first visit to the route loads: the framework's, the layouts', the boundaries' and the page's. */
export function firstLoadFiles(nextDir: string, route: string): string[] {
  const manifest = readClientManifest(nextDir, route);
  const files = new Set(rootMainFiles(nextDir));
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const chunk of chunks) files.add(chunk);
  return [...files].sort();
}

export interface Weight {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export function firstLoadWeight(nextDir: string, route: string): Weight {
  const files = firstLoadFiles(nextDir, route);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(nextDir, file.replace(/^\/?_next\//, "")));
    rawBytes += bytes.byteLength;
    gzipBytes += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { route, files: files.length, rawBytes, gzipBytes };
}

/** The shop's own client components in the route ("components/checkout/place-order-form.tsx"), not Next.js's. */
export function projectClientModules(manifest: ClientManifest): string[] {
  return Object.keys(manifest.clientModules)
    .filter((id) => id.startsWith("[project]/") && !id.startsWith("[project]/node_modules/"))
    .map((id) => id.slice("[project]/".length))
    .sort();
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The table `npm run build` prints; with the bare page, it leads and every route says how many times its weight it is. */
export function formatWeightTable(weights: Weight[], bare?: { label: string; weight: Weight }): string {
  const header = [
    "Route",
    "Files",
    "First-load JS (KB)",
    "gzip (KB)",
    ...(bare ? ["× bare (raw / gzip)"] : []),
  ];
  const times = (w: Weight) =>
    bare
      ? [
          `${(w.rawBytes / bare.weight.rawBytes).toFixed(3)} / ${(w.gzipBytes / bare.weight.gzipBytes).toFixed(3)}`,
        ]
      : [];
  const row = (label: string, w: Weight) => [
    label,
    String(w.files),
    kb(w.rawBytes),
    kb(w.gzipBytes),
    ...times(w),
  ];
  const rows = [...(bare ? [row(bare.label, bare.weight)] : []), ...weights.map((w) => row(w.route, w))];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
