// Identifier formats Amazon documents: UUID sessions, S01-nnnnnnn-nnnnnnn charge permissions (S = sandbox),
// <permission>-Cnnnnnn charges, <permission>-Rnnnnnn refunds, <permission>-Bnnnnnn disputes, numeric
// report ids, and merchant/store/buyer ids.
import { randomBytes, randomInt, randomUUID } from "node:crypto";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function randomFrom(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

const digits = (n: number) => randomFrom("0123456789", n);

export const newCheckoutSessionId = (): string => randomUUID();
export const newChargePermissionId = (): string => `S01-${digits(7)}-${digits(7)}`;
export const newChargeId = (chargePermissionId: string): string => `${chargePermissionId}-C${digits(6)}`;
export const newRefundId = (chargePermissionId: string): string => `${chargePermissionId}-R${digits(6)}`;
export const newDisputeId = (chargePermissionId: string): string => `${chargePermissionId}-B${digits(6)}`;
/** Report, report document and report schedule ids are long numbers, as in Amazon's examples. */
export const newReportNumber = (): string => `${randomInt(1, 10)}${digits(10)}`;
export const newSettlementId = (): string => `${randomInt(1, 10)}${digits(9)}`;
export const newFileId = (): string => `amzn1.pay.file.${randomBytes(12).toString("hex")}`;
export const newMerchantId = (): string => `A${randomFrom(UPPER_ALNUM, 13)}`;
export const newStoreId = (): string => `amzn1.application-oa2-client.${randomBytes(16).toString("hex")}`;
export const newBuyerToken = (): string => randomBytes(30).toString("base64url");
export const newRequestId = (): string => randomUUID();
export const newNotificationId = (): string => randomUUID();
export const newSignInId = (): string => randomUUID();

/** A fresh id from `make`, retried while `taken` says it is in use. */
export function uniqueId(make: () => string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = make();
    if (!taken(id)) return id;
  }
}
