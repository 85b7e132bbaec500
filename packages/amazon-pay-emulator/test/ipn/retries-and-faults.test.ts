// IPNs: retries, fault-injected drops, replays and the delivery log.
import { describe, expect, it } from "vitest";
import { addMerchant, emulatorJson } from "../helpers";

import { emulator, merchant, receiver, capturedCheckout, setUpIpn } from "./harness";

setUpIpn();

describe("IPN delivery", () => {
  it("retries non-2xx answers with back-off, up to the configured attempts", async () => {
    const notify = () =>
      emulator.emulator.notify(
        {
          MerchantID: merchant.record.merchantId,
          ObjectType: "CHARGE",
          ObjectId: "S01-0000000-0000000-C000001",
          ChargePermissionId: "S01-0000000-0000000",
          NotificationType: "STATE_CHANGE",
        },
        "Captured",
      );
    receiver.failNext(500, 503);
    const recovered = notify()!;
    await emulator.emulator.ipn.idle();
    expect(recovered.status).toBe("delivered");
    expect(recovered.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(receiver.deliveries.map((d) => d.body)).toEqual(
      [recovered, recovered, recovered].map((r) => JSON.stringify(r.envelope)),
    );
    receiver.failNext(500, 500, 500, 500);
    const failed = notify()!;
    await emulator.emulator.ipn.idle();
    expect(failed.status).toBe("failed");
    expect(failed.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500]);
  });

  it("retries network errors too", async () => {
    const unreachable = addMerchant(emulator, {
      keyIndex: 0,
      publicKeyId: "SANDBOX-UNREACHABLEIPN",
      ipnUrl: "http://127.0.0.1:9/ipn",
    });
    emulator.emulator.updateConfig({ ipn: { maxAttempts: 2 } });
    try {
      emulator.emulator.notify(
        {
          MerchantID: unreachable.record.merchantId,
          ObjectType: "CHARGE",
          ObjectId: "S01-0000000-0000000-C000000",
          ChargePermissionId: "S01-0000000-0000000",
          NotificationType: "STATE_CHANGE",
        },
        "Captured",
      );
      await emulator.emulator.ipn.idle();
      const record = emulator.emulator.ipn.list()[0]!;
      expect(record.status).toBe("failed");
      expect(record.attempts.map((a) => a.error !== null)).toEqual([true, true]);
    } finally {
      emulator.emulator.updateConfig({ ipn: { maxAttempts: 4 } });
    }
  });

  it("drops the next N deliveries when told to, and replays them on request", async () => {
    expect(
      (await emulatorJson(emulator, "/__emulator/faults", { body: { fault: "dropIpn", count: 2 } })).status,
    ).toBe(201);
    await capturedCheckout();
    await emulator.emulator.ipn.idle();
    const log = emulator.emulator.ipn.list();
    expect(log.map((n) => n.status)).toEqual(["dropped", "dropped", "delivered"]);
    expect(receiver.deliveries).toHaveLength(1);
    const replay = await emulatorJson<{ replays: number }>(emulator, `/__emulator/ipn/${log[0]!.id}/replay`, {
      method: "POST",
    });
    expect(replay.status).toBe(202);
    await emulator.emulator.ipn.idle();
    expect(receiver.deliveries).toHaveLength(2);
    expect(JSON.parse(receiver.deliveries[1]!.body)).toEqual(log[0]!.envelope);
    expect((await emulatorJson(emulator, "/__emulator/ipn/nope/replay", { method: "POST" })).status).toBe(
      404,
    );
  });

  it("lists IPNs with their delivery status in GET /__emulator/state", async () => {
    await capturedCheckout();
    await emulator.emulator.ipn.idle();
    const state = await emulatorJson<{ ipns: { status: string; message: { ObjectType: string } }[] }>(
      emulator,
      "/__emulator/state",
    );
    expect(state.body.ipns.map((n) => [n.message.ObjectType, n.status])).toEqual([
      ["CHARGE_PERMISSION", "delivered"],
      ["CHARGE", "delivered"],
      ["CHARGE_PERMISSION", "delivered"],
    ]);
  });
});
