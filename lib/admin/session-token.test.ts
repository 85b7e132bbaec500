import { describe, expect, it } from "vitest";
import { ADMIN_SESSION_SECONDS, isValidAdminToken, issueAdminToken, safeEqual } from "./session-token";

describe("admin session tokens", () => {
  const now = 1_800_000_000;
  it("accepts its own token until it expires", () => {
    const token = issueAdminToken("correct horse battery", now);
    expect(isValidAdminToken(token, "correct horse battery", now + 10)).toBe(true);
    expect(isValidAdminToken(token, "correct horse battery", now + ADMIN_SESSION_SECONDS)).toBe(false);
  });
  it("rejects other passwords, tampering, garbage and a missing password", () => {
    const token = issueAdminToken("correct horse battery", now);
    expect(isValidAdminToken(token, "another password!!", now)).toBe(false);
    expect(
      isValidAdminToken(
        token.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
        "correct horse battery",
        now,
      ),
    ).toBe(false);
    const [, expires, mac] = token.split(".");
    expect(isValidAdminToken(`v1.${Number(expires) + 1000}.${mac}`, "correct horse battery", now)).toBe(
      false,
    );
    for (const bad of [undefined, "", "v1", "v2.1.abc", "x".repeat(500)])
      expect(isValidAdminToken(bad, "correct horse battery", now)).toBe(false);
    expect(isValidAdminToken(token, undefined, now)).toBe(false);
  });
  it("compares strings safely", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
