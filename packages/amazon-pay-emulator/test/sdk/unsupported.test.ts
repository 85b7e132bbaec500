// The official Node SDK against the emulator over TLS: the APIs for in-store payments, solution
// providers and payment service providers are answered 405 UnsupportedOperation.
import { describe, expect, it } from "vitest";
import { inStore, keyHeaders, sdkError, setUpSdk, USD, webStore } from "./harness";

setUpSdk();

describe("official Node SDK over TLS: APIs outside a web shop", () => {
  it("answers UnsupportedOperation, naming the kind of integration", async () => {
    const calls = {
      merchantScan: inStore.merchantScan({ scanData: "x" }),
      inStoreCharge: inStore.charge({ chargeAmount: USD("1.00") }),
      inStoreRefund: inStore.refund({ refundAmount: USD("1.00") }),
      updateCharge: webStore.updateCharge(
        "S01-0000000-0000000-C000000",
        { statusDetails: { state: "Canceled", reasonCode: "ExpiredUnused" } },
        keyHeaders(),
      ),
      createDispute: webStore.createDispute({ chargeId: "S01-0000000-0000000-C000000" }, keyHeaders()),
      registerAmazonPayAccount: webStore.registerAmazonPayAccount(
        { uniqueReferenceId: "ABCD12345CB" },
        keyHeaders(),
      ),
      createMerchantAccount: webStore.createMerchantAccount({ uniqueReferenceId: "Hanabii-1" }),
      merchantAccountClaim: webStore.merchantAccountClaim("M1", { uniqueReferenceId: "Hanabii-1" }),
      getAuthorizationToken: webStore.getAuthorizationToken("amzn.mws.token", "A1XX111XXX111X"),
    };
    for (const [name, call] of Object.entries(calls)) {
      const error = await sdkError(call);
      expect({ name, status: error.status, reasonCode: error.reasonCode }).toEqual({
        name,
        status: 405,
        reasonCode: "UnsupportedOperation",
      });
      expect(error.message).toMatch(/in-store|solution providers|payment service providers/);
    }
  });
});
