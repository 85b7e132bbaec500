// The two Amazon Pay signing algorithms (AMZN-PAY-RSASSA-PSS and -V2) and the SHA-256 hex digest
// both use.
import { createHash } from "node:crypto";

export const SIGNING_ALGORITHMS = ["AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-RSASSA-PSS"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** PSS salt length in bytes: 20 for the original algorithm, 32 for V2. */
export const SALT_LENGTH: Record<SigningAlgorithm, number> = {
  "AMZN-PAY-RSASSA-PSS": 20,
  "AMZN-PAY-RSASSA-PSS-V2": 32,
};

export function isSigningAlgorithm(value: string): value is SigningAlgorithm {
  return (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
