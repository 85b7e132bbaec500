import path from "node:path";
import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { FIXED_SECURITY_HEADERS } from "./lib/security/fixed-headers";

// Fail `next build` / `next start` at once with a readable list when the environment is wrong.
parseEnv(process.env);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The workspace packages ship TypeScript source.
  transpilePackages: ["@storefront/amazon-pay"],
  reactStrictMode: true,
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Rendered pages and cached data live in this process's memory; each cached page carries a
  // Content-Security-Policy with the hashes of its own inline scripts (see the handler).
  cacheHandler: path.join(import.meta.dirname, "lib/catalog/page-cache-handler.mjs"),
  // proxy.ts sets every security header (with the CSP) at run time; static files never reach it.
  async headers() {
    return [
      {
        source: "/_next/:path*",
        headers: Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
