import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { adminSessionKey, adminSessionSecretProblem } from "./session-key";
import {
  ADMIN_SESSION_SECONDS,
  issueAdminToken,
  newSessionId,
  readAdminToken,
  safeEqual,
} from "./session-token";

const SECRET = "s".repeat(40);
const keyFor = (password: string, secret = SECRET) =>
  adminSessionKey(
    parseEnv({ NODE_ENV: "production", ADMIN_PASSWORD: password, ADMIN_SESSION_SECRET: secret }),
  )!;

describe("admin session tokens", () => {
  const now = 1_800_000_000;
  const key = keyFor("correct horse battery");
  const sessionId = newSessionId();

  it("name their session until they expire", () => {
    const token = issueAdminToken(key, sessionId, now + ADMIN_SESSION_SECONDS);
    expect(readAdminToken(token, key, now + 10)).toEqual({ sessionId, expires: now + ADMIN_SESSION_SECONDS });
    expect(readAdminToken(token, key, now + ADMIN_SESSION_SECONDS)).toBeNull();
  });

  it("are keyed by the server secret, not by the password alone", () => {
    const token = issueAdminToken(key, sessionId, now + 3600);
    expect(readAdminToken(token, keyFor("correct horse battery", "t".repeat(40)), now)).toBeNull();
    expect(readAdminToken(token, keyFor("another password!!"), now)).toBeNull();
    // The old scheme's key, a hash of the password alone, signs nothing the shop accepts.
    const passwordOnly = Buffer.from("storefront-admin-session:correct horse battery");
    expect(readAdminToken(issueAdminToken(passwordOnly, sessionId, now + 3600), key, now)).toBeNull();
  });

  it("refuse tampering, garbage and a closed merchant area", () => {
    const token = issueAdminToken(key, sessionId, now + 3600);
    expect(
      readAdminToken(
        token.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
        key,
        now,
      ),
    ).toBeNull();
    const [, id, expires, mac] = token.split(".");
    expect(readAdminToken(`v2.${id}.${Number(expires) + 1000}.${mac}`, key, now)).toBeNull();
    expect(readAdminToken(`v2.${newSessionId()}.${expires}.${mac}`, key, now)).toBeNull();
    const farFuture = now + 10 * ADMIN_SESSION_SECONDS;
    expect(readAdminToken(issueAdminToken(key, sessionId, farFuture), key, now)).toBeNull();
    for (const bad of [undefined, "", "v1", `v1.${expires}.${mac}`, "x".repeat(500)])
      expect(readAdminToken(bad, key, now)).toBeNull();
    expect(readAdminToken(token, null, now)).toBeNull();
  });

  it("compares strings safely", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});

describe("the session key", () => {
  it("treats ADMIN_PASSWORD the same trimmed or not: one key for both spellings", () => {
    expect(parseEnv({ ADMIN_PASSWORD: "  correct horse battery \n" }).ADMIN_PASSWORD).toBe(
      "correct horse battery",
    );
    expect(keyFor("  correct horse battery  ").equals(keyFor("correct horse battery"))).toBe(true);
    expect(() => parseEnv({ ADMIN_PASSWORD: "   short    " })).toThrow(/ADMIN_PASSWORD: must be at least 12/);
  });

  it("is required in production, and generated once into DATA_DIR in development", () => {
    const production = parseEnv({ NODE_ENV: "production", ADMIN_PASSWORD: "correct horse battery" });
    expect(adminSessionKey(production)).toBeNull();
    expect(adminSessionSecretProblem(production, true)).toContain("ADMIN_SESSION_SECRET");
    expect(adminSessionSecretProblem(production, false)).toBeNull();
    expect(adminSessionSecretProblem(parseEnv({ NODE_ENV: "production" }), true)).toBeNull();

    const dataDir = mkdtempSync(path.join(tmpdir(), "storefront-admin-key-"));
    const development = parseEnv({ ADMIN_PASSWORD: "correct horse battery", DATA_DIR: dataDir });
    const first = adminSessionKey(development);
    expect(first).not.toBeNull();
    expect(adminSessionKey(development)!.equals(first!)).toBe(true);
    expect(adminSessionKey(parseEnv({ DATA_DIR: dataDir }))).toBeNull(); // no password: closed
    rmSync(dataDir, { recursive: true, force: true });
  });
});
