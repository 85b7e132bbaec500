import { describe, expect, it, vi } from "vitest";
import { AmazonPayConfigError, AmazonPayError, isAmazonPayError } from "./errors";

describe("error identity across bundled copies of the module", () => {
  it("recognizes an error made by another copy of the class", async () => {
    // A second, independent evaluation of the module, as a separately bundled route would have.
    vi.resetModules();
    const copy = await import("./errors");
    expect(copy.AmazonPayError).not.toBe(AmazonPayError);
    const foreign = new copy.AmazonPayError({
      kind: "api",
      operation: "getCharge",
      status: 422,
      reasonCode: "InvalidChargeStatus",
      message: "x",
    });
    expect(foreign instanceof AmazonPayError).toBe(true);
    expect(isAmazonPayError(foreign, "InvalidChargeStatus")).toBe(true);
    expect(new copy.AmazonPayConfigError([]) instanceof AmazonPayConfigError).toBe(true);
  });

  it("does not mistake other errors", () => {
    expect(new Error("x") instanceof AmazonPayError).toBe(false);
    expect({ name: "AmazonPayError" } instanceof AmazonPayError).toBe(false);
    expect(new AmazonPayConfigError([]) instanceof AmazonPayError).toBe(false);
    expect((null as unknown) instanceof AmazonPayError).toBe(false);
  });
});
