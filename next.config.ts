import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";

// Fail `next build` / `next start` at once with a readable list when the environment is wrong.
parseEnv(process.env);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  allowedDevOrigins: ["127.0.0.1", "localhost"],
};

export default nextConfig;
