import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

async function loadConfig(compression: string | undefined) {
  vi.stubEnv("HTTP_COMPRESSION", compression);
  vi.resetModules(); // next.config.ts reads the environment when it is loaded
  return (await import("@/next.config")).default;
}

describe("next.config.ts compression", () => {
  it("compresses answers by default", async () => {
    expect((await loadConfig(undefined)).compress).toBe(true);
    expect((await loadConfig("")).compress).toBe(true);
  });

  it("leaves compression to a proxy in front when HTTP_COMPRESSION=false", async () => {
    expect((await loadConfig("false")).compress).toBe(false);
    expect((await loadConfig("true")).compress).toBe(true);
  });

  it("refuses a value that is not a flag", async () => {
    await expect(loadConfig("gzip")).rejects.toThrow(/HTTP_COMPRESSION/);
  });
});
