import { afterEach, describe, expect, it, vi } from "vitest";
import { crashPoint } from "@/lib/crash-point";
import { EnvError, parseEnv, resetEnv } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  resetEnv();
});

function configure(point: string | undefined) {
  vi.stubEnv("STOREFRONT_CRASH_POINT", point);
  resetEnv();
  vi.spyOn(console, "error").mockImplementation(() => {});
  return vi.spyOn(process, "kill").mockImplementation(() => true);
}

describe("crash points", () => {
  it("kill the server with SIGKILL at the configured point only", () => {
    const kill = configure("complete:after-amazon");

    crashPoint("place-order:before-update");
    expect(kill).not.toHaveBeenCalled();
    crashPoint("complete:after-amazon");
    expect(kill).toHaveBeenCalledWith(process.pid, "SIGKILL");
  });

  it("do nothing when none is configured", () => {
    const kill = configure(undefined);

    crashPoint("complete:during-write");

    expect(kill).not.toHaveBeenCalled();
  });

  it("refuse a point that does not exist when the environment is read", () => {
    expect(() => parseEnv({ STOREFRONT_CRASH_POINT: "checkout:somewhere" })).toThrow(EnvError);
    expect(parseEnv({ STOREFRONT_CRASH_POINT: "" }).STOREFRONT_CRASH_POINT).toBeUndefined();
  });
});
