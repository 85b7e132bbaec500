import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IDEMPOTENCY_KEY_PATTERN,
  idempotencyKeyFor,
  isValidIdempotencyKey,
  randomIdempotencyKey,
} from "./idempotency";

describe("idempotency keys", () => {
  it("random keys are 32 valid characters and differ", () => {
    const keys = new Set(Array.from({ length: 100 }, randomIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(isValidIdempotencyKey(key)).toBe(true);
    }
  });

  it("derived keys are deterministic, valid and distinct per scope and id", () => {
    const key = idempotencyKeyFor("complete", "bd504926-f659-4ad7-a1a9-9a747aaf5275");
    expect(key).toBe(idempotencyKeyFor("complete", "bd504926-f659-4ad7-a1a9-9a747aaf5275"));
    expect(key).toHaveLength(32);
    expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(idempotencyKeyFor("capture", "bd504926-f659-4ad7-a1a9-9a747aaf5275")).not.toBe(key);
    expect(idempotencyKeyFor("complete", "bd504926-f659-4ad7-a1a9-9a747aaf5276")).not.toBe(key);
  });

  it("does not collide when the scope/id split moves", () => {
    expect(idempotencyKeyFor("a:b", "c")).not.toBe(idempotencyKeyFor("a", "b:c"));
    expect(idempotencyKeyFor("ab", "c")).not.toBe(idempotencyKeyFor("a", "bc"));
  });

  it("always yields a valid key", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (scope, id) =>
        isValidIdempotencyKey(idempotencyKeyFor(scope, id)),
      ),
    );
  });

  it("refuses an empty scope or id", () => {
    expect(() => idempotencyKeyFor("", "x")).toThrow(TypeError);
    expect(() => idempotencyKeyFor("x", "")).toThrow(TypeError);
  });

  it.each([
    ["a", true],
    ["A-z_0-9", true],
    ["x".repeat(32), true],
    ["x".repeat(33), false],
    ["", false],
    ["has space", false],
    ["dot.ted", false],
    ["ü", false],
  ])("%j valid: %s", (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });
});
