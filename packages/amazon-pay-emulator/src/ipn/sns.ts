// Amazon SNS HTTP(S) messages as AWS builds and signs them: the envelope, the
// string to sign (Key\nValue\n pairs in a fixed order) and the RSA signature (SignatureVersion
// 1 = SHA-1, 2 = SHA-256).
import { sign, type KeyObject } from "node:crypto";

export interface IpnMessage {
  MerchantID: string;
  ObjectType: "CHARGE_PERMISSION" | "CHARGE" | "REFUND" | "CHARGEBACK";
  ObjectId: string;
  ChargePermissionId: string;
  NotificationType: "STATE_CHANGE" | "ATTRIBUTE_CHANGE";
  NotificationId: string;
  NotificationVersion: "V2";
}

export interface NotificationEnvelope {
  Type: "Notification";
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: "1" | "2";
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
}

export interface SubscriptionConfirmationEnvelope {
  Type: "SubscriptionConfirmation";
  MessageId: string;
  Token: string;
  TopicArn: string;
  Message: string;
  SubscribeURL: string;
  Timestamp: string;
  SignatureVersion: "1" | "2";
  Signature: string;
  SigningCertURL: string;
}

export type SnsEnvelope = NotificationEnvelope | SubscriptionConfirmationEnvelope;

const NOTIFICATION_KEYS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const;
const SUBSCRIPTION_KEYS = [
  "Message",
  "MessageId",
  "SubscribeURL",
  "Timestamp",
  "Token",
  "TopicArn",
  "Type",
] as const;

/** The string AWS signs: `Key\nValue\n` for each present key, in the documented order. */
export function snsStringToSign(message: Record<string, string | undefined>): string {
  const keys = message.Type === "Notification" ? NOTIFICATION_KEYS : SUBSCRIPTION_KEYS;
  let out = "";
  for (const key of keys) {
    const value = message[key];
    if (value !== undefined) out += `${key}\n${value}\n`;
  }
  return out;
}

export function signSns(
  message: Record<string, string | undefined>,
  version: "1" | "2",
  key: KeyObject,
): string {
  return sign(
    version === "1" ? "sha1" : "sha256",
    Buffer.from(snsStringToSign(message), "utf8"),
    key,
  ).toString("base64");
}

/** The SNS topic of a merchant's IPNs. */
export const topicArn = (merchantId: string) =>
  `arn:aws:sns:us-east-1:000000000000:AmazonPayEmulator-${merchantId}`;
