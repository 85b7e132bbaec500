import { describe, expect, it } from "vitest";
import { parseSimulationCode } from "./simulation";

describe("simulation codes", () => {
  it("accepts the codes an operation takes", () => {
    expect(parseSimulationCode("createCharge", "HardDeclined")).toBe("HardDeclined");
    expect(parseSimulationCode("captureCharge", "CaptureInitiated")).toBe("CaptureInitiated");
    expect(parseSimulationCode("createRefund", "Emulator:RefundDeclined")).toBe("Emulator:RefundDeclined");
    expect(parseSimulationCode("getCharge", undefined)).toBeNull();
  });

  it("refuses unknown codes and codes of other operations with InvalidSandboxSimulationSpecified", () => {
    expect(() => parseSimulationCode("createCharge", "Bogus")).toThrow(
      expect.objectContaining({ status: 400, reasonCode: "InvalidSandboxSimulationSpecified" }) as Error,
    );
    expect(() => parseSimulationCode("getCharge", "HardDeclined")).toThrow(/does not apply to getCharge/);
    expect(() => parseSimulationCode("createCharge", " ")).toThrow(/empty/);
  });
});
