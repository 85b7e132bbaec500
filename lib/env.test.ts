import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("BUILD_TYPECHECK", () => {
  it("is on unless set to false", () => {
    expect(parseEnv({}).BUILD_TYPECHECK).toBe(true);
    expect(parseEnv({ BUILD_TYPECHECK: "" }).BUILD_TYPECHECK).toBe(true);
    expect(parseEnv({ BUILD_TYPECHECK: "false" }).BUILD_TYPECHECK).toBe(false);
    expect(parseEnv({ BUILD_TYPECHECK: "0" }).BUILD_TYPECHECK).toBe(false);
  });

  it("refuses anything but a yes or a no, naming the variable", () => {
    expect(() => parseEnv({ BUILD_TYPECHECK: "skip" })).toThrow(/BUILD_TYPECHECK: must be true or false/);
  });
});
