// The request signed with the published unit-test key, and its published V2 and V1 signatures:
// a fixed point both the signer and the emulator's verifier must agree with.
import { readFileSync } from "node:fs";
import path from "node:path";

export const UNIT_TEST_PUBLIC_KEY_PEM = readFileSync(
  path.join(import.meta.dirname, "unit-test-public-key.pem"),
  "utf8",
);

export const PUBLISHED_REQUEST = {
  method: "POST",
  path: "/sandbox/v2/checkoutSessions",
  publicKeyId: "AFVX7ULWSGBZ5535PCUQOY7B",
  /** The moment x-amz-pay-date names. */
  signedAt: Date.UTC(2019, 8, 23, 23, 19, 8),
  headers: {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": "20190923T231908Z",
    "x-amz-pay-host": "pay-api.amazon.com",
    "x-amz-pay-idempotency-key": "cllHyiNvS8cJ8Zas",
    "x-amz-pay-region": "us",
  },
  body: '{"webCheckoutDetails":{"checkoutReviewReturnUrl":"https://a.com/merchant-review-page"},"storeId":"amzn1.application-oa2-client.8b5e45312b5248b69eeaStoreId"}',
} as const;

export const PUBLISHED_SIGNATURES = {
  "AMZN-PAY-RSASSA-PSS-V2":
    "LePcJ6H2+0EkTJO1w0FOQjcp1jgZyuYljGwMhTFvl/XgIwsgtujUpMW4UEn1QPd2mKSLDzU1clSgwFoKbnpAZD+MENycEBVK+VoaW6lfKnQ1uf8il0HldRwzrrtcTGTl8Syu2T0xoPlpPtMbgQDbqFe30ZRVtIvLOMhHRNaHNlFBcOHR+4Xj3pURGaUYp63iqEWhk6x3HgH6nfXxeHmx3VZpf9UtgXxEDjjqty6q6tT8+Vg8ctzC8u26rCTM4WsBPS1B6+729eMHahJZPOW7gU/Xwd4t5WD3A0Zs3bgIthg38YJ+yOacC52NDwR6f+IB4Qte4hbCM4Rlb2igQp029g==",
  "AMZN-PAY-RSASSA-PSS":
    "L8MdHswJYC581r90bsHmaD52vx7rnH1E2XWQdxIqZ1K9S7rg0hL2zYbUyc10oK2dJ2AjwQtgjhXLwRrWxi13Z7CoVUj+TPXO4jiAj+7b4qdxN7qx5Lt4b24UBsilSEkyA9C56yibuK2QCaGsRukLU5ur1C508Ni8pjGtV4Yr93Qg/dHk/7qWBdDpYTVFfM7KJZ3yia117ubaOQ4DT2+bHmy8vSpVRKAEJWpWdHv0NY9IMa3qvXu1D6J06k5h+baOuCil19fj/X38/CjKk0V6ZkFaVEcxNDoaTSWXGVhSB/oQDhkFC6tynIev4O9X4/aoja3ahxF8v2N0Kd/HnYTAFA==",
} as const;
