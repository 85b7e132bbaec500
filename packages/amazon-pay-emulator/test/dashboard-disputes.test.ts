// The dashboard's chargeback buttons: open a dispute against a captured charge, then decide it.
import { describe, expect, it } from "vitest";
import { postForm } from "./helpers";
import { amazonPay, emulator, setUpConformance } from "./conformance/harness";
import { capturedCharge } from "./conformance/after-sale-harness";

setUpConformance();

const dashboard = async () => (await fetch(`${emulator.url}/__emulator`)).text();

describe("dashboard: chargebacks", () => {
  it("opens a chargeback from a captured charge's button and decides it with the dispute's buttons", async () => {
    const charge = await capturedCharge("30.00");
    const before = await dashboard();
    expect(before).toContain(`name="chargeId" value="${charge.chargeId}"`);
    expect(before).toContain(">Open a chargeback</button>");
    const opened = await postForm(emulator, "/__emulator/disputes", { chargeId: charge.chargeId });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/__emulator#disputes");
    const [dispute] = [...emulator.emulator.store.disputes.values()];
    expect(dispute?.chargeId).toBe(charge.chargeId);
    const listed = await dashboard();
    expect(listed).toContain(dispute!.disputeId);
    expect(listed).toContain(">Merchant wins</button>");
    expect(listed).toContain(">Buyer wins</button>");
    const decided = await postForm(emulator, `/__emulator/disputes/${dispute!.disputeId}/settle`, {
      outcome: "lost",
    });
    expect(decided.status).toBe(303);
    expect((await amazonPay.disputes.get(dispute!.disputeId)).data.statusDetails).toMatchObject({
      state: "Resolved",
      resolution: "BuyerWon",
    });
    expect(await dashboard()).not.toContain(">Merchant wins</button>");
  });
});
