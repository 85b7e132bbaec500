// The environment, parsed once with zod. Every variable is documented in .env.example.
// This module is imported by next.config.ts (so a bad value fails `next build` and `next start`
// early) and by server code; it holds no secrets itself: private keys are read lazily by
// lib/amazon-pay/config.ts.
import { z } from "zod";
import {
  LEDGER_CURRENCIES,
  REGION_LEDGER_CURRENCIES,
  regionOfLedgerCurrency,
  type LedgerCurrency,
  type Region,
} from "@storefront/amazon-pay/regions";

const blankAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalText = z.preprocess(blankAsUndefined, z.string().trim().optional());

const flag = (fallback: boolean) =>
  z.preprocess(
    blankAsUndefined,
    z
      .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
      .optional()
      .transform((value) => (value === undefined ? fallback : ["true", "1", "yes"].includes(value))),
  );

const port = (fallback: number) =>
  z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(fallback),
  );

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

export const PAYMENT_INTENTS = ["AuthorizeWithCapture", "Authorize", "Confirm"] as const;
export type PaymentIntent = (typeof PAYMENT_INTENTS)[number];

export const SIGNING_ALGORITHMS = ["AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-RSASSA-PSS"] as const;

/** Where lib/crash-point.ts may kill the server, in checkout order. */
export const CRASH_POINTS = [
  "place-order:before-update",
  "place-order:after-update",
  "complete:after-amazon",
  "complete:during-write",
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

const REGION_ALIASES: Record<string, "na" | "eu" | "jp"> = {
  na: "na",
  us: "na",
  eu: "eu",
  de: "eu",
  uk: "eu",
  jp: "jp",
};

const schema = z.object({
  NODE_ENV: z.preprocess(
    blankAsUndefined,
    z.enum(["development", "production", "test"]).default("development"),
  ),
  DATABASE_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, {
        error: "must be a SQLite file: URL (file:./dev.db) or a postgresql:// URL",
      })
      .default("file:./dev.db"),
  ),
  SHOP_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  PORT: port(3000),
  SHOP_NAME: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .min(1)
      .max(50, { error: "at most 50 characters (Amazon's merchantStoreName limit)" })
      .default("Harbor & Pine"),
  ),
  // Trimmed here, once: every reader (sign-in, the merchant-area guard, sessions) uses this value.
  ADMIN_PASSWORD: z.preprocess(
    blankAsUndefined,
    z.string().trim().min(12, { error: "must be at least 12 characters" }).optional(),
  ),
  AMAZON_PAY_MERCHANT_ID: optionalText,
  AMAZON_PAY_STORE_ID: optionalText,
  AMAZON_PAY_PUBLIC_KEY_ID: optionalText,
  AMAZON_PAY_PRIVATE_KEY: optionalText,
  AMAZON_PAY_PRIVATE_KEY_PATH: optionalText,
  AMAZON_PAY_REGION: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z
      .enum(Object.keys(REGION_ALIASES) as [string, ...string[]], {
        error: "must be na, eu or jp (or us, de, uk)",
      })
      .default("na")
      .transform((value) => REGION_ALIASES[value] ?? "na"),
  ),
  // The ledger currency where the region has more than one (eu: EUR or GBP); see resolveShopCurrency.
  SHOP_CURRENCY: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toUpperCase() || undefined : value),
    z.enum(LEDGER_CURRENCIES, { error: `must be one of ${LEDGER_CURRENCIES.join(", ")}` }).optional(),
  ),
  AMAZON_PAY_SANDBOX: flag(true),
  AMAZON_PAY_ALGORITHM: z.preprocess(
    blankAsUndefined,
    z.enum(SIGNING_ALGORITHMS).default("AMZN-PAY-RSASSA-PSS-V2"),
  ),
  AMAZON_PAY_PAYMENT_INTENT: z.preprocess(
    blankAsUndefined,
    z.enum(PAYMENT_INTENTS).default("AuthorizeWithCapture"),
  ),
  AMAZON_PAY_CAN_HANDLE_PENDING_AUTHORIZATION: z.preprocess(
    blankAsUndefined,
    z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  ),
  AMAZON_PAY_MAX_ATTEMPTS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a whole number" }).int().min(1).max(10).default(4),
  ),
  AMAZON_PAY_ATTEMPT_TIMEOUT_MS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be milliseconds" }).int().min(100).max(120_000).default(10_000),
  ),
  AMAZON_PAY_MAX_TOTAL_MS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be milliseconds" }).int().min(100).max(300_000).default(25_000),
  ),
  AMAZON_PAY_API_BASE_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  AMAZON_PAY_CHECKOUT_JS_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  AMAZON_PAY_EMULATOR_HOST: z.preprocess(blankAsUndefined, z.string().default("127.0.0.1")),
  AMAZON_PAY_EMULATOR_PORT: port(4010),
  DATA_DIR: z.preprocess(blankAsUndefined, z.string().default(".data")),
  // The merchant's exchange rates for Amazon Pay multi-currency (EU/UK), a JSON file; unset: the
  // buyer pays in the ledger currency only (lib/presentment/rate-table.ts describes the format).
  EXCHANGE_RATES_FILE: optionalText,
  RECONCILER_INTERVAL_SECONDS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a number of seconds" }).int().min(0).max(86_400).default(30),
  ),
  RECONCILER_POLL_BASE_SECONDS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a number of seconds" }).int().min(1).max(3_600).default(15),
  ),
  RECONCILER_DRAFT_GRACE_SECONDS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a number of seconds" }).int().min(1).max(86_400).default(60),
  ),
  // How long a completion claim (lib/orders/completion-claim.ts) outlives a holder that stopped
  // renewing it, e.g. a server that died mid-Complete: the wait before another may take over.
  COMPLETION_CLAIM_TTL_SECONDS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a number of seconds" }).int().min(2).max(300).default(10),
  ),
  // A capture the shop recorded this many days before a settlement report's end must be in it
  // (lib/settlement); a later one may still be on its way.
  SETTLEMENT_EXPECTED_DAYS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a whole number of days" }).int().min(0).max(60).default(3),
  ),
  LOG_LEVEL: z.preprocess(
    blankAsUndefined,
    z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  ),
  // Crash-safety tests only: the server SIGKILLs itself when checkout reaches this point.
  STOREFRONT_CRASH_POINT: z.preprocess(blankAsUndefined, z.enum(CRASH_POINTS).optional()),
  // Merchant sign-in (lib/admin): the key of session tokens, and the lockout after failed sign-ins.
  ADMIN_SESSION_SECRET: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .min(32, { error: "must be at least 32 characters (e.g. openssl rand -base64 32)" })
      .optional(),
  ),
  ADMIN_SIGNIN_MAX_FAILURES: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a whole number" }).int().min(1).max(100).default(5),
  ),
  ADMIN_SIGNIN_LOCKOUT_MINUTES: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a number of minutes" }).int().min(1).max(1440).default(15),
  ),
  // Client addresses (lib/security/client-address.ts): reverse proxies in front that append to
  // X-Forwarded-For.
  TRUSTED_PROXY_HOPS: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a whole number" }).int().min(0).max(10).default(0),
  ),
  // Next.js's own gzip of pages, route answers and static files (next.config.ts `compress`), read
  // when the server starts. Off where a reverse proxy or CDN in front compresses instead.
  HTTP_COMPRESSION: flag(true),
  // `next build` type-checks the project unless this is false (next.config.ts): `npm test` runs
  // the same check in a step of its own before the build, so it builds without it.
  BUILD_TYPECHECK: flag(true),
  CHECKOUT_RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "must be a whole number" }).int().min(0).max(1_000_000).default(60),
  ),
  // The SNS topics whose IPNs the shop accepts (comma-separated TopicArns).
  AMAZON_PAY_IPN_TOPIC_ARN: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((arn) => arn.trim())
          .filter((arn) => arn !== ""),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(/^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, {
              error: "must be SNS topic ARNs (arn:aws:sns:<region>:<account>:<topic>), comma-separated",
            }),
        ),
      )
      .optional(),
  ),
  // A production server with no Amazon Pay credentials runs on the emulator only when this is true.
  ALLOW_EMULATOR_IN_PRODUCTION: flag(false),
});

type RawEnv = z.output<typeof schema>;

export type AmazonPayMode = { kind: "emulator"; emulatorUrl: string } | { kind: "amazon"; sandbox: boolean };

export interface Env extends Omit<RawEnv, "SHOP_CURRENCY"> {
  SHOP_URL: string;
  /** The ledger currency the shop prices and charges in (lib/market). */
  SHOP_CURRENCY: LedgerCurrency;
  amazonPayMode: AmazonPayMode;
  canHandlePendingAuthorization: boolean;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
    this.name = "EnvError";
  }
}

const CREDENTIAL_VARS = [
  "AMAZON_PAY_MERCHANT_ID",
  "AMAZON_PAY_STORE_ID",
  "AMAZON_PAY_PUBLIC_KEY_ID",
] as const;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const raw = result.data;
  const problems: string[] = [];

  const given = CREDENTIAL_VARS.filter((name) => raw[name] !== undefined);
  const hasKey = raw.AMAZON_PAY_PRIVATE_KEY !== undefined || raw.AMAZON_PAY_PRIVATE_KEY_PATH !== undefined;
  const anyCredential = given.length > 0 || hasKey;
  if (anyCredential) {
    for (const name of CREDENTIAL_VARS) {
      if (raw[name] === undefined)
        problems.push(`${name}: required when Amazon Pay credentials are configured`);
    }
    if (!hasKey)
      problems.push(
        "AMAZON_PAY_PRIVATE_KEY or AMAZON_PAY_PRIVATE_KEY_PATH: required when Amazon Pay credentials are configured",
      );
    if (raw.AMAZON_PAY_PRIVATE_KEY !== undefined && raw.AMAZON_PAY_PRIVATE_KEY_PATH !== undefined) {
      problems.push("AMAZON_PAY_PRIVATE_KEY and AMAZON_PAY_PRIVATE_KEY_PATH: set only one of them");
    }
  }
  const pending = raw.AMAZON_PAY_CAN_HANDLE_PENDING_AUTHORIZATION;
  const canHandlePendingAuthorization =
    pending === undefined ? raw.AMAZON_PAY_PAYMENT_INTENT !== "AuthorizeWithCapture" : pending === "true";
  if (canHandlePendingAuthorization && raw.AMAZON_PAY_PAYMENT_INTENT === "AuthorizeWithCapture") {
    problems.push(
      "AMAZON_PAY_CAN_HANDLE_PENDING_AUTHORIZATION: Amazon Pay does not allow it with AMAZON_PAY_PAYMENT_INTENT=AuthorizeWithCapture",
    );
  }
  const shopCurrency = resolveShopCurrency(
    raw.AMAZON_PAY_REGION,
    raw.SHOP_CURRENCY,
    source.AMAZON_PAY_REGION,
  );
  if ("problem" in shopCurrency) problems.push(shopCurrency.problem);
  if (problems.length > 0 || "problem" in shopCurrency) throw new EnvError(problems);

  const emulatorUrl = `http://${raw.AMAZON_PAY_EMULATOR_HOST}:${raw.AMAZON_PAY_EMULATOR_PORT}`;
  return {
    ...raw,
    SHOP_CURRENCY: shopCurrency.currency,
    SHOP_URL: raw.SHOP_URL ?? `http://localhost:${raw.PORT}`,
    amazonPayMode: anyCredential
      ? { kind: "amazon", sandbox: raw.AMAZON_PAY_SANDBOX }
      : { kind: "emulator", emulatorUrl },
    canHandlePendingAuthorization,
  };
}

/**
 * SHOP_CURRENCY, or the region's first ledger currency when it is not set (GBP for the uk alias);
 * a problem for a combination Amazon Pay refuses (no na merchant account is paid in EUR).
 */
function resolveShopCurrency(
  region: Region,
  currency: LedgerCurrency | undefined,
  regionAsWritten: string | undefined,
): { currency: LedgerCurrency } | { problem: string } {
  const allowed = REGION_LEDGER_CURRENCIES[region];
  if (currency === undefined) {
    const [first = "USD"] = regionAsWritten?.trim().toLowerCase() === "uk" ? ["GBP" as const] : allowed;
    return { currency: first };
  }
  if (allowed.includes(currency)) return { currency };
  return {
    problem: `AMAZON_PAY_REGION=${region} and SHOP_CURRENCY=${currency}: Amazon Pay has no ${currency} merchant accounts in the ${region} region; set SHOP_CURRENCY=${allowed.join(" or ")}, or AMAZON_PAY_REGION=${regionOfLedgerCurrency(currency)} with a merchant account of that region`,
  };
}

let cached: Env | undefined;

/** The parsed environment of this process (memoized). Throws EnvError with every problem listed. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the parsed environment, so the next env() reads process.env again (tests change it). */
export function resetEnv(): void {
  cached = undefined;
}

/** True when no Amazon credentials are configured and the shop talks to the emulator. */
export function usesEmulator(): boolean {
  return env().amazonPayMode.kind === "emulator";
}
