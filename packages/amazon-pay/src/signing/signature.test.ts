import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex, type SigningAlgorithm } from "./algorithms";
import { signString, verifyString } from "./signature";

describe("sign and verify round trips", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

  it.each(["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"] as SigningAlgorithm[])("%s", (algorithm) => {
    const text = `${algorithm}\n${sha256Hex("x")}`;
    const signature = signString(algorithm, text, privateKey);
    expect(verifyString(algorithm, text, signature, publicKey)).toBe(true);
    expect(verifyString(algorithm, text, signature, other.publicKey)).toBe(false);
    const otherAlgorithm =
      algorithm === "AMZN-PAY-RSASSA-PSS" ? "AMZN-PAY-RSASSA-PSS-V2" : "AMZN-PAY-RSASSA-PSS";
    expect(verifyString(otherAlgorithm, text, signature, publicKey)).toBe(false);
    expect(verifyString(algorithm, text, "not base64!", publicKey)).toBe(false);
    expect(verifyString(algorithm, text, "", publicKey)).toBe(false);
  });
});
