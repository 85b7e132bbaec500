import "server-only";
// Whether this process has a usable Amazon Pay configuration (for /api/health). It builds the
// connection once, as the first checkout would, and calls nothing: a readiness probe must not
// depend on Amazon answering, nor cost an API call.
import { AmazonPayConfigError } from "@storefront/amazon-pay/errors";
import { amazonPay, type AmazonPaySettings } from "./connection";

export type AmazonPayReadiness =
  { ok: true; mode: AmazonPaySettings["mode"] } | { ok: false; problem: string };

export function amazonPayReadiness(): AmazonPayReadiness {
  try {
    return { ok: true, mode: amazonPay().settings.mode };
  } catch (error) {
    if (error instanceof AmazonPayConfigError)
      return { ok: false, problem: `not configured: ${error.problems.map((p) => p.field).join(", ")}` };
    return { ok: false, problem: "the configuration could not be loaded" };
  }
}
