// The full request vector of the published unit-test key: canonical request, hash, and the V2 and
// V1 signatures published for it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./algorithms";
import { canonicalRequest, stringToSign } from "./canonical-request";
import { verifyString } from "./signature";

const unitTestPublicKey = readFileSync(
  path.join(import.meta.dirname, "../test-fixtures/unit-test-public-key.pem"),
  "utf8",
);

describe("full request vector with the published unit-test key", () => {
  const body =
    '{"webCheckoutDetails":{"checkoutReviewReturnUrl":"https://a.com/merchant-review-page"},"storeId":"amzn1.application-oa2-client.8b5e45312b5248b69eeaStoreId"}';
  const headers = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": "20190923T231908Z",
    "x-amz-pay-host": "pay-api.amazon.com",
    "x-amz-pay-idempotency-key": "cllHyiNvS8cJ8Zas",
    "x-amz-pay-region": "us",
  };
  const canonical = canonicalRequest({
    method: "POST",
    path: "/sandbox/v2/checkoutSessions",
    headers,
    signedHeaders: Object.keys(headers),
    body,
  });
  const v2 =
    "LePcJ6H2+0EkTJO1w0FOQjcp1jgZyuYljGwMhTFvl/XgIwsgtujUpMW4UEn1QPd2mKSLDzU1clSgwFoKbnpAZD+MENycEBVK+VoaW6lfKnQ1uf8il0HldRwzrrtcTGTl8Syu2T0xoPlpPtMbgQDbqFe30ZRVtIvLOMhHRNaHNlFBcOHR+4Xj3pURGaUYp63iqEWhk6x3HgH6nfXxeHmx3VZpf9UtgXxEDjjqty6q6tT8+Vg8ctzC8u26rCTM4WsBPS1B6+729eMHahJZPOW7gU/Xwd4t5WD3A0Zs3bgIthg38YJ+yOacC52NDwR6f+IB4Qte4hbCM4Rlb2igQp029g==";
  const v1 =
    "L8MdHswJYC581r90bsHmaD52vx7rnH1E2XWQdxIqZ1K9S7rg0hL2zYbUyc10oK2dJ2AjwQtgjhXLwRrWxi13Z7CoVUj+TPXO4jiAj+7b4qdxN7qx5Lt4b24UBsilSEkyA9C56yibuK2QCaGsRukLU5ur1C508Ni8pjGtV4Yr93Qg/dHk/7qWBdDpYTVFfM7KJZ3yia117ubaOQ4DT2+bHmy8vSpVRKAEJWpWdHv0NY9IMa3qvXu1D6J06k5h+baOuCil19fj/X38/CjKk0V6ZkFaVEcxNDoaTSWXGVhSB/oQDhkFC6tynIev4O9X4/aoja3ahxF8v2N0Kd/HnYTAFA==";

  it("builds the documented canonical request and hash", () => {
    expect(canonical).toBe(
      [
        "POST",
        "/sandbox/v2/checkoutSessions",
        "",
        "accept:application/json\ncontent-type:application/json\nx-amz-pay-date:20190923T231908Z\nx-amz-pay-host:pay-api.amazon.com\nx-amz-pay-idempotency-key:cllHyiNvS8cJ8Zas\nx-amz-pay-region:us\n",
        "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region",
        "e3ff249dac84a58f0b7e77a429e35daa1ed66c748f0355fd85f99195e7c43493",
      ].join("\n"),
    );
    expect(sha256Hex(canonical)).toBe("4d3369258c757ecad2f5d12e18033ae593ee451e51a6439726eeb7c985492a5e");
  });

  it("verifies the published V2 and V1 signatures, each only with its own salt length", () => {
    const s2 = stringToSign("AMZN-PAY-RSASSA-PSS-V2", canonical);
    const s1 = stringToSign("AMZN-PAY-RSASSA-PSS", canonical);
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", s2, v2, unitTestPublicKey)).toBe(true);
    expect(verifyString("AMZN-PAY-RSASSA-PSS", s1, v1, unitTestPublicKey)).toBe(true);
    // Wrong salt length: the V2 signature under the V1 rules and vice versa.
    expect(verifyString("AMZN-PAY-RSASSA-PSS", s2, v2, unitTestPublicKey)).toBe(false);
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", s1, v1, unitTestPublicKey)).toBe(false);
    // Any change to the signed content fails.
    expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", `${s2}0`, v2, unitTestPublicKey)).toBe(false);
  });
});
