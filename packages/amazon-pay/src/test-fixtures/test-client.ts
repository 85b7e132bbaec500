// A client wired to a local capture server with a freshly generated key, for tests.
import { createAmazonPayClient, type AmazonPayClientOptions } from "../client";
import { loadAmazonPayConfig, type AmazonPayConfigInput } from "../config";
import { rsaKeyPair, TEST_STORE_ID } from "./keys";

export function testClient(
  baseUrl: string,
  config: Partial<AmazonPayConfigInput> = {},
  options: AmazonPayClientOptions = {},
) {
  const keys = rsaKeyPair();
  const client = createAmazonPayClient(
    loadAmazonPayConfig({
      merchantId: "A2K7NDRMCETORT",
      storeId: TEST_STORE_ID,
      publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
      privateKey: keys.pkcs8Pem,
      baseUrl,
      ...config,
    }),
    { sleep: () => Promise.resolve(), ...options },
  );
  return { client, keys };
}
