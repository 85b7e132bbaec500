// One buyer's whole redirect checkout over plain HTTP (the no-JavaScript path a browser takes
// without scripts), each step timed with wall-clock windows so the emulator's API call log can
// be laid over them: add to cart, the Amazon Pay button and hosted page, the review page,
// Place order (its server action), Amazon's processing page, the result page, its completion
// (server action) and the confirmation page.
import { formFieldsContaining, HttpBuyer } from "@/e2e/support/http-buyer";
import { epochNow } from "@storefront/amazon-pay-emulator/core/api-call-log";

export const STEPS = [
  "addToCart",
  "amazonHostedPage",
  "review",
  "placeOrder",
  "amazonProcessing",
  "result",
  "complete",
  "confirmation",
] as const;
export type Step = (typeof STEPS)[number];
/** Steps served by Amazon's hosted pages, not by the shop: no shop overhead to speak of. */
export const AMAZON_PAGE_STEPS: ReadonlySet<Step> = new Set(["amazonHostedPage", "amazonProcessing"]);

export interface StepWindow {
  startedAt: number;
  endedAt: number;
}

export interface TimedCheckout {
  sessionId: string;
  totalMs: number;
  steps: Record<Step, StepWindow>;
  requests: number;
  /** Of those, the requests to the shop. */
  shopRequests: number;
}

/** Counts the HTTP requests the buyer sends (shop and emulator). */
class CountingBuyer extends HttpBuyer {
  requests = 0;
  shopRequests = 0;
  override async request(...args: Parameters<HttpBuyer["request"]>): Promise<Response> {
    this.requests += 1;
    if (new URL(args[0], this.shopUrl).origin === new URL(this.shopUrl).origin) this.shopRequests += 1;
    return super.request(...args);
  }
}

export async function timedCheckout(
  shopUrl: string,
  amazon: { emulatorUrl: string; dataDir: string },
  slug: string,
): Promise<TimedCheckout> {
  const buyer = new CountingBuyer(shopUrl, amazon);
  const steps = {} as Record<Step, StepWindow>;
  async function step<T>(name: Step, run: () => Promise<T>): Promise<T> {
    const startedAt = epochNow();
    const value = await run();
    steps[name] = { startedAt, endedAt: epochNow() };
    return value;
  }
  const started = epochNow();
  await step("addToCart", () => buyer.addToCart(slug));
  const sessionId = await step("amazonHostedPage", () => buyer.checkoutAtAmazon());
  const reviewPage = await step("review", () => buyer.html(buyer.reviewPath(sessionId)));
  const redirectUrl = await step("placeOrder", async () => {
    const response = await buyer.request(buyer.reviewPath(sessionId), {
      form: formFieldsContaining(reviewPage, 'name="fingerprint"'),
      multipart: true,
    });
    const location = response.headers.get("location") ?? "";
    if (response.status !== 303 || !location.includes("/checkout/processing"))
      throw new Error(`place order answered ${response.status} ${location}`);
    return location;
  });
  await step("amazonProcessing", () => buyer.payAtAmazon(redirectUrl));
  const resultPage = await step("result", () => buyer.html(buyer.resultPath(sessionId)));
  const destination = await step("complete", () =>
    buyer.complete(sessionId, formFieldsContaining(resultPage, 'name="sessionId"')),
  );
  if (!/\/orders\/HP-/.test(destination)) throw new Error(`checkout ended at ${destination}`);
  await step("confirmation", () => buyer.html(destination));
  return {
    sessionId,
    totalMs: epochNow() - started,
    steps,
    requests: buyer.requests,
    shopRequests: buyer.shopRequests,
  };
}
