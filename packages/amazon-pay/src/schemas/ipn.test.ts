import { describe, expect, it } from "vitest";
import { ipnMessageSchema, ipnNotificationSchema, isIpnObjectType } from "./ipn";

const message = {
  MerchantID: "A2K7NDRMCETORT",
  ObjectType: "CHARGE",
  ObjectId: "S01-5105180-3221187-C056351",
  ChargePermissionId: "S01-5105180-3221187",
  NotificationType: "STATE_CHANGE",
  NotificationId: "e0a3f3b1-5f29-4d5c-9a34-6f0c0f7a1b2c",
  NotificationVersion: "V2",
};
const envelope = (body: string) => ({
  Type: "Notification",
  MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
  TopicArn: "arn:aws:sns:us-east-1:123456789012:amazon-pay",
  Message: body,
  Timestamp: "2024-01-01T12:00:00.000Z",
  SignatureVersion: "1",
  Signature: "c2lnbmF0dXJl",
  SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
  UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&x=1",
});

describe("IPN", () => {
  it("parses the SNS envelope and the JSON message inside it", () => {
    const notification = ipnNotificationSchema.parse(envelope(JSON.stringify(message)));
    expect(notification.Message).toEqual(message);
    expect(isIpnObjectType(notification.Message.ObjectType)).toBe(true);
  });

  it("refuses a Message that is not JSON or misses the object id", () => {
    expect(ipnNotificationSchema.safeParse(envelope("not json")).error?.issues[0]?.message).toBe(
      "Message is not JSON",
    );
    const { ObjectId: _id, ...withoutId } = message;
    expect(
      ipnNotificationSchema.safeParse(envelope(JSON.stringify(withoutId))).error?.issues[0]?.path,
    ).toEqual(["Message", "ObjectId"]);
  });

  it("refuses a subscription confirmation as a notification", () => {
    expect(
      ipnNotificationSchema.safeParse({
        ...envelope(JSON.stringify(message)),
        Type: "SubscriptionConfirmation",
      }).success,
    ).toBe(false);
  });

  it("keeps unknown members of the message", () => {
    expect(ipnMessageSchema.parse({ ...message, Extra: 1 })).toMatchObject({ Extra: 1 });
  });
});
