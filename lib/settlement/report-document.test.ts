// Reading a report's document: its URL is valid for 30 seconds, so a stale one is asked for again
// once; a second stale link or a dropped download ends with a clear message and nothing stored.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearEmulatorLog, emulatorApiCalls } from "@/tests/helpers/amazon-calls";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { settleLatestReport } from "./settle";
import { capturedOrder, settled, settlementReportAtAmazon } from "@/tests/helpers/settlement-reports";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());
beforeEach(async () => {
  shop.emulator.emulator.reset();
  await shop.prisma.order.deleteMany();
  await shop.prisma.settlementReport.deleteMany();
});
afterEach(() => vi.restoreAllMocks());

const isDocumentUrl = (input: unknown): boolean => String(input).includes("/__emulator/report-documents/");

describe("The report document", () => {
  it("asks for the document again when its 30-second link expired before the download", async () => {
    await capturedOrder(shop);
    await settlementReportAtAmazon(shop);
    clearEmulatorLog(shop.emulator);
    const realFetch = globalThis.fetch;
    let downloads = 0;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (isDocumentUrl(input) && downloads++ === 0) shop.emulator.emulator.advanceClock(31_000); // the first link is stale when it is used
      return realFetch(input, init);
    });

    const { reconciliation } = await settled();

    expect(reconciliation.mismatches).toEqual([]);
    expect(reconciliation.lines).toHaveLength(1);
    expect(downloads).toBe(2);
    expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("report-documents"))).toEqual([
      expect.stringMatching(/^GET \/v2\/report-documents\/\S+ 200$/),
      expect.stringMatching(/^GET \/v2\/report-documents\/\S+ 200$/),
    ]);
  });

  it("gives up with a clear message when the link expires twice, and stores nothing", async () => {
    await capturedOrder(shop);
    await settlementReportAtAmazon(shop);
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (isDocumentUrl(input)) shop.emulator.emulator.advanceClock(31_000);
      return realFetch(input, init);
    });

    const outcome = await settleLatestReport();

    expect(outcome).toEqual({
      kind: "failed",
      message: expect.stringMatching(/^The download link of report document \S+ expired twice/),
    });
    expect(await shop.prisma.settlementReport.count()).toBe(0);
  });

  it("a download that fails midway is reported as such, and nothing is stored", async () => {
    await capturedOrder(shop);
    await settlementReportAtAmazon(shop);
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (isDocumentUrl(input)) throw new TypeError("fetch failed");
      return realFetch(input, init);
    });

    expect(await settleLatestReport()).toEqual({
      kind: "failed",
      message: expect.stringMatching(/^The download of report document \S+ failed: fetch failed$/),
    });
    expect(await shop.prisma.settlementReport.count()).toBe(0);
  });
});
