// Checks on what `next build` ships to browsers: no secret in any static file, the review page's
// client components, first-load script lists that match what the pages really load, every
// page within 1.05 × a bare page's JavaScript, no zod and no eager SWR, and the catalog pages
// served from the page cache rather than rendered per request.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pemBodyLines, scanDirectory, type Needle } from "./support/bundle-secrets";
import {
  MAX_RATIO,
  ratioToBare,
  readBarePage,
  WEIGHED_ROUTES,
  withinBudget,
} from "@/scripts/page-weight/bare-page";
import {
  firstLoadFiles,
  firstLoadWeight,
  projectClientModules,
  readClientManifest,
} from "@/scripts/page-weight/build-manifests";
import { E2E_DATA_DIR, shopUrl } from "./support/environment";
import { expect, test } from "./support/test";

const NEXT_DIR = path.resolve(".next");

function secretNeedles(): Needle[] {
  const merchant = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "local-merchant.json"), "utf8")) as {
    privateKeyPem: string;
  };
  const snsKey = readFileSync(path.join(E2E_DATA_DIR, "emulator", "sns-signing-key.pem"), "utf8");
  const { encryptionKey } = JSON.parse(
    readFileSync(path.join(NEXT_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as { encryptionKey: string };
  const needles = [
    ...pemBodyLines(merchant.privateKeyPem).map((value) => ({ label: "local merchant private key", value })),
    ...pemBodyLines(snsKey).map((value) => ({ label: "emulator SNS signing key", value })),
    { label: "admin password of the e2e servers", value: "e2e-admin-password" },
    { label: "Next.js server action encryption key", value: encryptionKey },
  ];
  expect(needles.filter((n) => n.label === "local merchant private key").length).toBeGreaterThan(10);
  expect(needles.filter((n) => n.label === "emulator SNS signing key").length).toBeGreaterThan(10);
  expect(encryptionKey.length).toBeGreaterThan(20);
  return needles;
}

test("no secret reaches the browser's files", () => {
  const needles = secretNeedles();
  const scan = scanDirectory(path.join(NEXT_DIR, "static"), needles);
  expect(scan.files).toBeGreaterThan(10);
  expect(scan.findings).toEqual([]);

  // The same scan over a real chunk with one line of the merchant key planted in it fails.
  const planted = mkdtempSync(path.join(tmpdir(), "planted-"));
  try {
    const chunk = readdirSync(path.join(NEXT_DIR, "static", "chunks")).find((name) => name.endsWith(".js"))!;
    copyFileSync(path.join(NEXT_DIR, "static", "chunks", chunk), path.join(planted, chunk));
    appendFileSync(path.join(planted, chunk), `\n;var k="${needles[3]!.value}";`);
    expect(scanDirectory(planted, needles).findings).toEqual([
      { file: chunk, label: "local merchant private key" },
    ]);
  } finally {
    rmSync(planted, { recursive: true, force: true });
  }
});

test("the review page ships no client component beyond the Amazon Pay change buttons and the place-order form", () => {
  const routes = [
    "/",
    "/products/[slug]",
    "/cart",
    "/checkout/review",
    "/checkout/result",
    "/orders/[orderNumber]",
    "/admin/login",
    "/admin/orders",
    "/admin/orders/[orderNumber]",
  ];
  const perRoute = routes.map((route) => new Set(projectClientModules(readClientManifest(NEXT_DIR, route))));
  // What the root layout ships on every page: the header's cart count, the error boundaries.
  const everyPage = [...perRoute[0]!].filter((module) => perRoute.every((modules) => modules.has(module)));
  expect(everyPage).toContain("components/layout/cart-count.tsx");
  const review = [...perRoute[routes.indexOf("/checkout/review")]!].filter(
    (module) => !everyPage.includes(module),
  );
  expect(review.sort()).toEqual([
    "components/checkout/change-actions.tsx",
    "components/checkout/place-order-form.tsx",
  ]);
});

test("the first-load script lists match the scripts the pages load", async ({ request }) => {
  for (const [route, url] of [
    ["/", "/"],
    ["/products/[slug]", "/products/harbor-ceramic-mug"],
    ["/cart", "/cart"],
  ] as const) {
    const response = await request.get(`${shopUrl()}${url}`);
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script src="\/_next\/([^"]+)"(?![^>]*noModule)[^>]*>/g)].map(
      (match) => match[1]!,
    );
    expect(new Set(scripts), route).toEqual(new Set(firstLoadFiles(NEXT_DIR, route)));
  }
});

test(`every page's first-load JavaScript is at most ${MAX_RATIO} × a bare page's, raw and gzipped`, () => {
  const bare = readBarePage();
  const { version } = JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as {
    version: string;
  };
  expect(bare.nextVersion, "scripts/page-weight/measure-bare-page.ts measures the bare page again").toBe(
    version,
  );
  const over = WEIGHED_ROUTES.map((route) => ({
    route,
    ratio: ratioToBare(firstLoadWeight(NEXT_DIR, route), bare),
  })).filter(({ ratio }) => !withinBudget(ratio));
  expect(over).toEqual([]);
});

test("no zod in any browser file, and SWR only in the chunks the pollers load when they poll", () => {
  const chunks = path.join(NEXT_DIR, "static", "chunks");
  const files = readdirSync(chunks, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".js"),
  );
  const containing = (marker: string) =>
    files.filter((file) => readFileSync(path.join(chunks, file), "utf8").includes(marker));
  expect(containing('"$ZodError"')).toEqual([]);
  const swr = containing("dedupingInterval");
  expect(swr.length).toBeGreaterThan(0); // the marker still finds SWR where it is
  for (const route of WEIGHED_ROUTES) {
    const firstLoad = firstLoadFiles(NEXT_DIR, route).map((file) => path.relative("static/chunks", file));
    expect(
      firstLoad.filter((file) => swr.includes(file)),
      route,
    ).toEqual([]);
  }
});

test("the home and product pages are served from the page cache, not rendered per request", () => {
  const manifest = JSON.parse(readFileSync(path.join(NEXT_DIR, "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, { initialRevalidateSeconds: number | false }>;
    dynamicRoutes: Record<string, { fallback: string | false | null }>;
  };
  expect(manifest.routes["/"]?.initialRevalidateSeconds).toBe(300);
  // Product pages: none at build time, each rendered on its first request, then cached.
  expect(manifest.dynamicRoutes["/products/[slug]"]).toMatchObject({ fallback: null });
  expect(Object.keys(manifest.routes).filter((route) => route.startsWith("/products/"))).toEqual([]);
});
