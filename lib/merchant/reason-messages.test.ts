import { afterEach, describe, expect, it, vi } from "vitest";
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { merchantMessage } from "./reason-messages";

afterEach(() => vi.restoreAllMocks());

const amazonError = (init: Partial<ConstructorParameters<typeof AmazonPayError>[0]>) =>
  new AmazonPayError({ kind: "api", operation: "captureCharge", message: "internal detail", ...init });

describe("what a merchant reads when an action fails", () => {
  it("never the shop's raw error text: that goes to the server log", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const internal = new Error(
      "Invalid `prisma.order.update()` invocation: Unique constraint failed on the fields: (`key`) at /srv/shop/lib/merchant/capture.ts:42",
    );
    for (const error of [
      internal,
      new TypeError("Cannot read properties of undefined (reading 'amount')"),
      "boom",
      null,
    ]) {
      const message = merchantMessage(error);
      expect(message).toMatch(/internal error \(logged on the server\)/);
      expect(message).not.toMatch(/prisma|constraint|\/srv|Cannot read|boom/i);
    }
    expect(logged).toHaveBeenCalledWith("[merchant] action failed:", internal);
  });

  it("never the client's validation details of a request the shop built wrong", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const message = merchantMessage(
      amazonError({
        kind: "invalid-request",
        issues: ["captureAmount.amount: must match /^\\d+(\\.\\d+)?$/"],
      }),
    );
    expect(message).not.toMatch(/captureAmount|must match/);
    expect(message).toMatch(/internal error/);
  });

  it("does not claim nothing changed when Amazon Pay may have received the request", () => {
    for (const kind of ["network", "timeout", "aborted"] as const) {
      const message = merchantMessage(amazonError({ kind, status: null }));
      expect(message).not.toMatch(/nothing was changed/i);
      expect(message).toMatch(/may or may not have reached it/);
    }
  });

  it("explains Amazon's reason codes and names them", () => {
    expect(merchantMessage(amazonError({ status: 422, reasonCode: "HardDeclined" }))).toBe(
      "Amazon Pay declined the charge. Ask the buyer for another payment method. (HardDeclined)",
    );
    expect(merchantMessage(amazonError({ status: 503 }))).toBe(
      "Amazon Pay had a problem. Try again in a moment.",
    );
  });
});
