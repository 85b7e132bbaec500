import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { emulatorInProductionProblem } from "./production-guard";

const CREDENTIALS = {
  AMAZON_PAY_MERCHANT_ID: "A1B2C3D4E5F6G7",
  AMAZON_PAY_STORE_ID: "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef",
  AMAZON_PAY_PUBLIC_KEY_ID: "SANDBOX-AXXXXXXXXXXXXXXXXXXXXXXX",
  AMAZON_PAY_PRIVATE_KEY_PATH: "/run/secrets/key.pem",
};

describe("the emulator in production", () => {
  it("is refused without credentials, saying exactly what to set", () => {
    const problem = emulatorInProductionProblem(parseEnv({ NODE_ENV: "production" }), true);
    expect(problem).toContain("NODE_ENV=production");
    for (const name of [
      "AMAZON_PAY_MERCHANT_ID",
      "AMAZON_PAY_STORE_ID",
      "AMAZON_PAY_PUBLIC_KEY_ID",
      "AMAZON_PAY_PRIVATE_KEY",
      "ALLOW_EMULATOR_IN_PRODUCTION=true",
    ])
      expect(problem).toContain(name);
  });

  it("is allowed when the operator opts in, in development, and never applies with credentials", () => {
    expect(
      emulatorInProductionProblem(
        parseEnv({ NODE_ENV: "production", ALLOW_EMULATOR_IN_PRODUCTION: "true" }),
        true,
      ),
    ).toBeNull();
    expect(emulatorInProductionProblem(parseEnv({}), false)).toBeNull();
    expect(
      emulatorInProductionProblem(parseEnv({ NODE_ENV: "production", ...CREDENTIALS }), true),
    ).toBeNull();
    expect(
      emulatorInProductionProblem(
        parseEnv({ NODE_ENV: "production", ALLOW_EMULATOR_IN_PRODUCTION: "false" }),
        true,
      ),
    ).not.toBeNull();
  });
});
