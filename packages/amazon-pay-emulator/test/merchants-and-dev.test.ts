// Merchant registration (persisted), configuration, reset, state, dashboard and checkout.js.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import {
  addMerchant,
  call,
  keyPair,
  REVIEW_URL,
  emulatorJson,
  startTestEmulator,
  type TestMerchant,
} from "./helpers";

const dataDir = mkdtempSync(path.join(tmpdir(), "amazon-pay-emulator-"));
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ dataDir });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Merchant {
  publicKeyId: string;
  merchantId: string;
  storeId: string;
  ipnUrl: string | null;
  environment: string;
}

describe("merchants", () => {
  it("registers a key, generating an Amazon-shaped merchant id and store id", async () => {
    const registered = await emulatorJson<Merchant>(emulator, "/__emulator/merchants", {
      body: { publicKeyId: "SANDBOX-REGISTER1", publicKey: keyPair().publicKeyPem },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      publicKeyId: "SANDBOX-REGISTER1",
      ipnUrl: null,
      environment: "Emulator",
    });
    expect(registered.body.merchantId).toMatch(/^A[A-Z0-9]{13}$/);
    expect(registered.body.storeId).toMatch(/^amzn1\.application-oa2-client\.[0-9a-f]{32}$/);
    const again = await emulatorJson<Merchant>(emulator, "/__emulator/merchants", {
      body: {
        publicKeyId: "SANDBOX-REGISTER1",
        publicKey: keyPair().publicKeyPem,
        ipnUrl: "http://127.0.0.1:3000/api/amazon-pay/ipn",
      },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      merchantId: registered.body.merchantId,
      storeId: registered.body.storeId,
      ipnUrl: "http://127.0.0.1:3000/api/amazon-pay/ipn",
    });
    const list = await emulatorJson<{ merchants: Merchant[] }>(emulator, "/__emulator/merchants");
    expect(list.body.merchants.map((m) => m.publicKeyId)).toContain("SANDBOX-REGISTER1");
  });

  it("keeps given ids and changes the IPN URL later", async () => {
    const given = await emulatorJson<Merchant>(emulator, "/__emulator/merchants", {
      body: {
        publicKeyId: "SANDBOX-GIVEN",
        publicKey: keyPair().publicKeyPem,
        merchantId: "A2K7NDRMCETORT",
        storeId: "amzn1.application-oa2-client.8b5e45312b5248b69eea000000000000",
      },
    });
    expect(given.body).toMatchObject({
      merchantId: "A2K7NDRMCETORT",
      storeId: "amzn1.application-oa2-client.8b5e45312b5248b69eea000000000000",
    });
    const patched = await emulatorJson<Merchant>(emulator, "/__emulator/merchants/SANDBOX-GIVEN", {
      method: "PATCH",
      body: { ipnUrl: "https://shop.example/ipn" },
    });
    expect(patched.body.ipnUrl).toBe("https://shop.example/ipn");
    expect(
      (
        await emulatorJson(emulator, "/__emulator/merchants/SANDBOX-NOBODY", {
          method: "PATCH",
          body: { ipnUrl: null },
        })
      ).status,
    ).toBe(404);
  });

  it("refuses keys that are not RSA public keys, and unknown fields", async () => {
    const bad = await emulatorJson(emulator, "/__emulator/merchants", {
      body: {
        publicKeyId: "SANDBOX-BAD",
        publicKey: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----",
      },
    });
    expect(bad).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    expect(
      (
        await emulatorJson(emulator, "/__emulator/merchants", {
          body: { publicKeyId: "SANDBOX-X", publicKey: keyPair().publicKeyPem, color: "red" },
        })
      ).body.reasonCode,
    ).toBe("UnrecognizedField");
  });

  it("persists merchants in the data folder: a restarted emulator still verifies their requests", async () => {
    const merchant: TestMerchant = addMerchant(emulator, { publicKeyId: "SANDBOX-PERSISTED" });
    const certificate = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
      merchants: Merchant[];
    };
    expect(certificate.merchants.some((m) => m.publicKeyId === "SANDBOX-PERSISTED")).toBe(true);
    const restarted = await startTestEmulator({ dataDir });
    try {
      const created = await call(restarted, merchant, {
        method: "POST",
        path: "/v2/checkoutSessions",
        body: {
          webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
          storeId: merchant.record.storeId,
        },
      });
      expect(created.status).toBe(201);
      expect(restarted.emulator.identity.certificatePem).toBe(emulator.emulator.identity.certificatePem);
    } finally {
      await restarted.close();
    }
  });

  it("keeps merchants on reset unless asked to forget them", async () => {
    expect((await emulatorJson(emulator, "/__emulator/reset", { body: {} })).body).toEqual({
      reset: true,
      merchantsKept: true,
    });
    expect(emulator.emulator.merchants.list().length).toBeGreaterThan(0);
    expect((await emulatorJson(emulator, "/__emulator/reset", { body: { merchants: true } })).body).toEqual({
      reset: true,
      merchantsKept: false,
    });
    expect(emulator.emulator.merchants.list()).toEqual([]);
  });
});

describe("developer endpoints", () => {
  it("reads and changes the configuration at runtime, refusing unknown keys", async () => {
    const config = await emulatorJson<Record<string, unknown>>(emulator, "/__emulator/config");
    expect(config.body).toMatchObject({
      maxClockSkewSeconds: 900,
      maxChargesPerChargePermission: 25,
      ipn: { signatureVersion: "1" },
    });
    const changed = await emulatorJson<Record<string, unknown>>(emulator, "/__emulator/config", {
      body: { asyncDelayMs: 5, ipn: { maxAttempts: 2 } },
    });
    expect(changed.body).toMatchObject({ asyncDelayMs: 5, ipn: { maxAttempts: 2, signatureVersion: "1" } });
    expect(
      (await emulatorJson(emulator, "/__emulator/config", { body: { asyncDelay: 5 } })).body.reasonCode,
    ).toBe("UnrecognizedField");
    expect(
      (await emulatorJson(emulator, "/__emulator/config", { body: { signatureErrorStatus: 500 } })).body
        .reasonCode,
    ).toBe("InvalidParameterValue");
  });

  it("lists everything in GET /__emulator/state", async () => {
    const state = await emulatorJson<Record<string, unknown>>(emulator, "/__emulator/state");
    expect(Object.keys(state.body)).toEqual([
      "clock",
      "merchants",
      "checkoutSessions",
      "chargePermissions",
      "charges",
      "refunds",
      "deliveryTrackers",
      "disputes",
      "reports",
      "reportSchedules",
      "files",
      "ipns",
      "faults",
      "pendingEvents",
    ]);
  });

  it("serves a readable dashboard", async () => {
    addMerchant(emulator, { region: "jp" });
    const response = await fetch(`${emulator.url}/__emulator`);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    for (const heading of [
      "Merchants",
      "Checkout Sessions",
      "Charge Permissions",
      "Charges",
      "Refunds",
      "IPNs sent",
    ])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<th scope="col">Region</th>');
    expect(html).toContain("<td>jp (JPY)</td>");
  });

  it("serves checkout.js as JavaScript with CORS", async () => {
    const response = await fetch(`${emulator.url}/checkout.js`, {
      headers: { origin: "http://localhost:3000" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const script = await response.text();
    for (const api of ["renderButton", "renderJSButton", "bindChangeAction", "signout"])
      expect(script).toContain(`${api}: ${api}`);
  });

  it("answers CORS preflights of the Buy Now endpoints for any origin", async () => {
    const response = await fetch(`${emulator.url}/checkout/buy-now/sessions`, {
      method: "OPTIONS",
      headers: { origin: "http://shop.test:8080", "access-control-request-method": "POST" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://shop.test:8080");
    expect(response.headers.get("access-control-allow-headers")).toContain("content-type");
  });

  it("logs the API calls it answered, with status, reason code and timing, and not the other endpoints", async () => {
    const merchant = addMerchant(emulator, { publicKeyId: "SANDBOX-CALLLOG" });
    const since = Date.now() - 1;
    await emulatorJson(emulator, "/__emulator/health");
    const missing = await call(emulator, merchant, {
      method: "GET",
      path: "/v2/checkoutSessions/no-such-session",
    });
    expect(missing.status).toBe(404);
    const log = await emulatorJson<{
      calls: {
        method: string;
        path: string;
        status: number;
        reasonCode?: string;
        startedAt: number;
        durationMs: number;
      }[];
    }>(emulator, `/__emulator/api-calls?since=${since}`);
    expect(log.body.calls).toEqual([
      {
        method: "GET",
        path: "/v2/checkoutSessions/no-such-session",
        status: 404,
        reasonCode: "ResourceNotFound",
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
      },
    ]);
    expect(log.body.calls[0]!.startedAt).toBeGreaterThanOrEqual(since);
    expect((await emulatorJson(emulator, "/__emulator/api-calls?since=nope")).status).toBe(400);
    await emulatorJson(emulator, "/__emulator/api-calls", { method: "DELETE" });
    expect((await emulatorJson<{ calls: unknown[] }>(emulator, "/__emulator/api-calls")).body.calls).toEqual(
      [],
    );
  });

  it("answers 404 with a JSON error for unknown emulator endpoints", async () => {
    expect(await emulatorJson(emulator, "/__emulator/nothing")).toMatchObject({
      status: 404,
      body: { reasonCode: "ResourceNotFound" },
    });
  });
});
