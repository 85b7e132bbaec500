// The API at the HTTP level: addressing and routing.
import { describe, expect, it } from "vitest";
import { addMerchant, call } from "../helpers";

import { emulator, merchant, legacy, createBody, create, setUpApi } from "./harness";

setUpApi();

describe("addressing and routing", () => {
  it("serves SANDBOX- keys under /v2 and legacy keys under /sandbox/v2, with x-amz-pay-request-id", async () => {
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.headers.get("x-amz-pay-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get("content-type")).toBe("application/json");
    const viaLegacy = await call(emulator, legacy, {
      method: "POST",
      path: "/sandbox/v2/checkoutSessions",
      body: createBody(legacy),
    });
    expect(viaLegacy.status).toBe(201);
  });

  it("routes /x and /x/ alike and verifies the signature over the raw path", async () => {
    const id = String((await create()).body.checkoutSessionId);
    expect(
      (await call(emulator, merchant, { method: "GET", path: `/v2/checkoutSessions/${id}/` })).status,
    ).toBe(200);
    expect(
      (
        await call(emulator, legacy, {
          method: "POST",
          path: "/sandbox/v2/checkoutSessions/",
          body: createBody(legacy),
        })
      ).status,
    ).toBe(201);
  });

  it("refuses /live/ paths and LIVE keys: this is an emulator", async () => {
    const live = await call(emulator, legacy, { method: "GET", path: "/live/v2/checkoutSessions/x" });
    expect(live).toMatchObject({ status: 400, body: { reasonCode: "InvalidRequest" } });
    expect(String(live.body.message)).toContain("local Amazon Pay emulator");
    const registered = await fetch(`${emulator.url}/__emulator/merchants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ publicKeyId: "LIVE-ABC", publicKey: merchant.publicKeyPem }),
    });
    expect(registered.status).toBe(400);
  });

  it("answers unknown versions, paths, methods and unemulated APIs clearly", async () => {
    expect(
      (await call(emulator, merchant, { method: "GET", path: "/v1/checkoutSessions/x" })).body.reasonCode,
    ).toBe("InvalidAPIVersion");
    expect(await call(emulator, merchant, { method: "GET", path: "/v2/nothing" })).toMatchObject({
      status: 404,
      body: { reasonCode: "ResourceNotFound" },
    });
    expect(
      await call(emulator, merchant, { method: "DELETE", path: "/v2/checkoutSessions/x" }),
    ).toMatchObject({ status: 405, body: { reasonCode: "RequestNotSupported" } });
    for (const [method, path] of [
      ["POST", "/v2/in-store/merchantScan"],
      ["POST", "/v2/merchantAccounts"],
      ["PATCH", "/v2/charges/S01-0000000-0000000-C000000"],
      ["POST", "/v2/disputes"],
    ] as const) {
      const answer = await call(emulator, merchant, { method, path, body: {} });
      expect(answer, path).toMatchObject({ status: 405, body: { reasonCode: "UnsupportedOperation" } });
    }
    expect(
      await call(emulator, merchant, {
        method: "GET",
        path: "/v2/checkoutSessions/00000000-0000-4000-8000-000000000000",
      }),
    ).toMatchObject({ status: 404, body: { reasonCode: "ResourceNotFound" } });
  });

  it("scopes objects to the merchant that created them", async () => {
    const id = String((await create()).body.checkoutSessionId);
    const other = addMerchant(emulator, { keyIndex: 1 });
    expect(await call(emulator, other, { method: "GET", path: `/v2/checkoutSessions/${id}` })).toMatchObject({
      status: 401,
      body: { reasonCode: "UnauthorizedAccess" },
    });
    emulator.emulator.updateConfig({ foreignObjectError: "ResourceNotFound" });
    expect((await call(emulator, other, { method: "GET", path: `/v2/checkoutSessions/${id}` })).status).toBe(
      404,
    );
    // Keys of the same merchant share its objects.
    const sibling = addMerchant(emulator, { keyIndex: 1, merchantId: merchant.record.merchantId });
    expect(
      (await call(emulator, sibling, { method: "GET", path: `/v2/checkoutSessions/${id}` })).status,
    ).toBe(200);
  });
});
