// Checkout Session ids Amazon does not know are answered cheaply: malformed ones before any call,
// and one Amazon just answered "ResourceNotFound" for from memory, not with another call.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadReview, readCheckoutSession } from "@/lib/checkout/review";
import { clearEmulatorLog, emulatorApiCalls } from "@/tests/helpers/amazon-calls";
import { buyerWithCart } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { browseAs } from "@/tests/helpers/next-request";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

describe("unknown Checkout Session ids", () => {
  it("are asked about once: the next reviews of the same id cost no Amazon call", async () => {
    const buyer = await buyerWithCart(shop.prisma);
    browseAs(buyer.cartToken);
    const unknown = randomUUID();
    clearEmulatorLog(shop.emulator);

    for (let visit = 0; visit < 5; visit++)
      expect(await loadReview(unknown)).toEqual({ ok: false, notice: "session-unknown" });

    expect(emulatorApiCalls(shop.emulator)).toEqual([
      `GET /v2/checkoutSessions/${unknown} 404 ResourceNotFound`,
    ]);
    expect(await shop.prisma.checkoutSessionBinding.count({ where: { id: unknown } })).toBe(0);
  });

  it("are refused without a call when malformed", async () => {
    const buyer = await buyerWithCart(shop.prisma);
    browseAs(buyer.cartToken);
    clearEmulatorLog(shop.emulator);
    for (const id of ["", " ", "../../v2/charges", "a".repeat(101), "<script>", null, 42])
      expect(await loadReview(id)).toEqual({ ok: false, notice: "session-unknown" });
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
  });

  it("are remembered where every flow reads a session (the mobile route and Buy Now too)", async () => {
    clearEmulatorLog(shop.emulator);
    const other = randomUUID();
    await readCheckoutSession(other);
    expect(await readCheckoutSession(other)).toEqual({ ok: false, notice: "session-unknown" });
    expect(emulatorApiCalls(shop.emulator)).toHaveLength(1);
  });
});
