// Environment of the emulator process (bin/amazon-pay-emulator.mjs), parsed with zod.
import { z } from "zod";

const blankAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const int = (min: number, max: number) =>
  z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a whole number" }).int().min(min).max(max).optional(),
  );

export const emulatorEnvSchema = z.object({
  AMAZON_PAY_EMULATOR_HOST: z.preprocess(blankAsUndefined, z.string().default("127.0.0.1")),
  AMAZON_PAY_EMULATOR_PORT: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(4010),
  ),
  AMAZON_PAY_EMULATOR_DATA_DIR: z.preprocess(blankAsUndefined, z.string().default(".data/emulator")),
  AMAZON_PAY_EMULATOR_PUBLIC_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS: int(0, 86_400_000),
  AMAZON_PAY_EMULATOR_LATENCY_MS: int(0, 60_000),
  AMAZON_PAY_EMULATOR_QUIET: z.preprocess(
    blankAsUndefined,
    z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => v === "true" || v === "1"),
  ),
});

export type EmulatorEnv = z.output<typeof emulatorEnvSchema>;

export function parseEmulatorEnv(source: Record<string, string | undefined>): EmulatorEnv {
  const result = emulatorEnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `Invalid emulator environment:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  }
  return result.data;
}
