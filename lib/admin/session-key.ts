// The key merchant session tokens are signed with: an HMAC of ADMIN_PASSWORD under
// ADMIN_SESSION_SECRET, so a token cannot be forged from the password alone, and changing either
// variable ends every session. In production ADMIN_SESSION_SECRET is required (the start-up
// self-check refuses to start without it); in development and tests a random secret is
// generated once into DATA_DIR. Used by proxy.ts and by every merchant action and page.
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";

type KeyEnv = Pick<Env, "ADMIN_PASSWORD" | "ADMIN_SESSION_SECRET" | "NODE_ENV" | "DATA_DIR">;

export const DEVELOPMENT_SECRET_FILE = "admin-session-secret";

/** Why a production server must not start with this configuration, or null. */
export function adminSessionSecretProblem(e: KeyEnv, production: boolean): string | null {
  if (!production || !e.ADMIN_PASSWORD || e.ADMIN_SESSION_SECRET) return null;
  return [
    "Refusing to start: ADMIN_PASSWORD is set but ADMIN_SESSION_SECRET is not.",
    "  - Set ADMIN_SESSION_SECRET to a random value of at least 32 characters (openssl rand -base64 32), the same on every instance: merchant sessions are signed with it.",
  ].join("\n");
}

const developmentSecrets = new Map<string, string>();

/** The development secret in DATA_DIR, created on first use (mode 0600). */
export function developmentSecret(dataDir: string): string {
  const cached = developmentSecrets.get(dataDir);
  if (cached) return cached;
  const file = path.join(dataDir, DEVELOPMENT_SECRET_FILE);
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process was first
    }
    secret = readFileSync(file, "utf8").trim();
  }
  developmentSecrets.set(dataDir, secret);
  return secret;
}

/** The signing key, or null when the merchant area is closed (no password, or no secret in production). */
export function adminSessionKey(e: KeyEnv): Buffer | null {
  if (!e.ADMIN_PASSWORD) return null;
  const secret =
    e.ADMIN_SESSION_SECRET ?? (e.NODE_ENV === "production" ? undefined : developmentSecret(e.DATA_DIR));
  if (!secret) return null;
  return createHmac("sha256", secret).update(`storefront-admin-session\0${e.ADMIN_PASSWORD}`).digest();
}
