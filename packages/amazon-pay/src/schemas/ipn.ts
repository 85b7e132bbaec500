// Instant Payment Notifications: an Amazon SNS envelope whose `Message` member is a JSON
// string holding the IPN message. Verifying the SNS signature is the receiver's job; these
// schemas only read the shapes.
import { z } from "zod";
import { isOneOf, openEnum } from "./lenient";

export const IPN_OBJECT_TYPES = ["CHARGE_PERMISSION", "CHARGE", "REFUND", "CHARGEBACK"] as const;
export type IpnObjectType = (typeof IPN_OBJECT_TYPES)[number];
export const isIpnObjectType = isOneOf(IPN_OBJECT_TYPES);

export const IPN_NOTIFICATION_TYPES = ["STATE_CHANGE", "ATTRIBUTE_CHANGE"] as const;

export const ipnMessageSchema = z.looseObject({
  MerchantID: z.string().min(1),
  ObjectType: openEnum(IPN_OBJECT_TYPES),
  ObjectId: z.string().min(1),
  ChargePermissionId: z.string().min(1).nullish(),
  NotificationType: openEnum(IPN_NOTIFICATION_TYPES),
  NotificationId: z.string().min(1),
  NotificationVersion: z.string().min(1),
});
export type IpnMessage = z.output<typeof ipnMessageSchema>;

export const snsEnvelopeSchema = z.looseObject({
  Type: z.string().min(1),
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Subject: z.string().nullish(),
  Message: z.string(),
  Timestamp: z.string().min(1),
  SignatureVersion: z.string().min(1),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
  UnsubscribeURL: z.string().nullish(),
  SubscribeURL: z.string().nullish(),
  Token: z.string().nullish(),
});
export type SnsEnvelope = z.output<typeof snsEnvelopeSchema>;

/** A `Notification` envelope whose Message parses as an IPN message. */
export const ipnNotificationSchema = snsEnvelopeSchema.extend({
  Type: z.literal("Notification"),
  Message: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: "custom", message: "Message is not JSON", input: text });
        return z.NEVER;
      }
    })
    .pipe(ipnMessageSchema),
});
export type IpnNotification = z.output<typeof ipnNotificationSchema>;
