import path from "node:path";
import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { FIXED_SECURITY_HEADERS } from "./lib/security/fixed-headers";

// Fail `next build` / `next start` at once with a readable list when the environment is wrong.
const env = parseEnv(process.env);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Read again by `next start`, so a deployment sets it at run time (docs/configuration.md).
  compress: env.HTTP_COMPRESSION,
  // An ETag is a hash of the whole body, computed on every response: for the catalog pages
  // served from the page cache that was about a tenth of each request's CPU.
  generateEtags: false,
  // The workspace packages ship TypeScript source.
  transpilePackages: ["@storefront/amazon-pay"],
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: !env.BUILD_TYPECHECK },
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Rendered pages and cached data live in this process's memory; each cached page carries a
  // Content-Security-Policy with the hashes of its own inline scripts (see the handler).
  cacheHandler: path.join(import.meta.dirname, "lib/catalog/page-cache-handler.mjs"),
  // proxy.ts sets every security header (with the CSP) at run time; static files and the GETs
  // of the catalog pages (from the page cache, which adds their policy) never reach it.
  async headers() {
    const headers = Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return ["/_next/:path*", "/", "/products/:slug"].map((source) => ({ source, headers }));
  },
};

export default nextConfig;
