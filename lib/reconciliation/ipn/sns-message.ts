// The Amazon SNS HTTP(S) envelope that carries an Amazon Pay IPN, parsed with zod.
import { z } from "zod";

const base = {
  MessageId: z.string().min(1).max(200),
  TopicArn: z.string().min(1).max(500),
  Message: z.string().max(256 * 1024),
  Timestamp: z.string().min(1).max(64),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string().min(1).max(4096),
  SigningCertURL: z.string().min(1).max(2048),
};

export const snsEnvelopeSchema = z.discriminatedUnion("Type", [
  z.looseObject({
    Type: z.literal("Notification"),
    ...base,
    Subject: z.string().max(1000).optional(),
    UnsubscribeURL: z.string().optional(),
  }),
  z.looseObject({
    Type: z.literal("SubscriptionConfirmation"),
    ...base,
    SubscribeURL: z.string().min(1).max(2048),
    Token: z.string().min(1).max(2048),
  }),
  z.looseObject({
    Type: z.literal("UnsubscribeConfirmation"),
    ...base,
    SubscribeURL: z.string().min(1).max(2048),
    Token: z.string().min(1).max(2048),
  }),
]);

export type SnsEnvelope = z.infer<typeof snsEnvelopeSchema>;

/** The string AWS SNS signs: the listed keys, each as "Key\nValue\n", in this order. */
export function snsStringToSign(message: SnsEnvelope): string {
  const keys =
    message.Type === "Notification"
      ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  const record = message as Record<string, unknown>;
  return keys
    .filter((key) => typeof record[key] === "string")
    .map((key) => `${key}\n${record[key] as string}\n`)
    .join("");
}
