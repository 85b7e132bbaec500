// The first-load JavaScript of a bare App Router page (measure-bare-page.ts writes it), and how
// the shop's pages compare with it: each may ship at most 5 % more than the framework alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Weight } from "./build-manifests";

export const BARE_PAGE_FILE = "bare-page.json";

/** Every page of the shop, for the page-weight report and its budget. */
export const WEIGHED_ROUTES = [
  "/",
  "/products/[slug]",
  "/cart",
  "/checkout/review",
  "/checkout/result",
  "/orders/[orderNumber]",
  "/admin/login",
  "/admin/orders",
  "/admin/orders/[orderNumber]",
] as const;
/** A page may ship this many times the bare page's first-load JavaScript, raw and gzipped. */
export const MAX_RATIO = 1.05;

const barePageSchema = z.object({
  nextVersion: z.string(),
  measuredOn: z.string(),
  files: z.number().int().positive(),
  rawBytes: z.number().int().positive(),
  gzipBytes: z.number().int().positive(),
});
export type BarePage = z.infer<typeof barePageSchema>;

export function readBarePage(): BarePage {
  return barePageSchema.parse(
    JSON.parse(readFileSync(path.join(import.meta.dirname, BARE_PAGE_FILE), "utf8")),
  );
}

export interface Ratio {
  raw: number;
  gzip: number;
}

export const ratioToBare = (weight: Weight, bare: BarePage): Ratio => ({
  raw: weight.rawBytes / bare.rawBytes,
  gzip: weight.gzipBytes / bare.gzipBytes,
});

export const withinBudget = (ratio: Ratio) => ratio.raw <= MAX_RATIO && ratio.gzip <= MAX_RATIO;
