// IPNs are acted on only when they come from this shop's SNS topic and name this shop's
// merchant: a message that AWS really signed, but for another topic or merchant, is refused
// before any Amazon Pay call, and a subscription to another topic is never confirmed.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/env";
import { clearEmulatorLog, emulatorApiCalls } from "@/tests/helpers/amazon-calls";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { createSnsIdentity, SNS_CERT_URL as CERT_URL, trustSnsIdentity } from "@/tests/helpers/sns-signer";
import { handleIpn } from "./handle-ipn";
import { emulatorTopicArn } from "./ipn-source";
import type { SnsEnvelope } from "./sns-message";

const SNS = "https://sns.us-east-1.amazonaws.com";
const FOREIGN_TOPIC = "arn:aws:sns:us-east-1:666666666666:someone-elses-topic";
const identity = createSnsIdentity();

let shop: ShopHarness;
let ownTopic: string;
let distrust: () => void;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
  ownTopic = emulatorTopicArn(shop.merchant.merchantId);
  distrust = trustSnsIdentity(identity);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.AMAZON_PAY_IPN_TOPIC_ARN;
  resetEnv();
});
afterAll(async () => {
  distrust();
  await shop.close();
});

const notification = (
  topicArn: string,
  merchantId = shop.merchant.merchantId,
  chargeId = "S01-1111111-2222222-C000001",
) =>
  identity.amazonPayIpn({
    topicArn,
    merchantId,
    objectType: "CHARGE",
    objectId: chargeId,
    chargePermissionId: "S01-1111111-2222222",
  });

function subscriptionConfirmation(topicArn: string, urlTopic = topicArn) {
  return identity.signEnvelope({
    Type: "SubscriptionConfirmation",
    MessageId: randomUUID(),
    TopicArn: topicArn,
    Token: "t".repeat(64),
    Message: `You have chosen to subscribe to the topic ${topicArn}.`,
    SubscribeURL: `${SNS}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(urlTopic)}&Token=${"t".repeat(64)}`,
    Timestamp: new Date().toISOString(),
    SigningCertURL: CERT_URL,
  } as Omit<SnsEnvelope, "Signature" | "SignatureVersion">);
}

/** Answers the SubscribeURL like SNS would; every other request goes out as usual. */
function interceptSubscribeUrls(): string[] {
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(SNS)) return realFetch(input, init);
    fetched.push(url);
    return new Response("<ConfirmSubscriptionResponse/>", { status: 200 });
  });
  return fetched;
}

const rejectedSummaries = async () =>
  (
    await shop.prisma.paymentEvent.findMany({
      where: { kind: "ipn", summary: { startsWith: "Rejected IPN" } },
      orderBy: { createdAt: "asc" },
    })
  ).map((event) => event.summary);

describe("IPN sender", () => {
  it("acts on a notification from the shop's own topic and merchant: the charge is read from Amazon", async () => {
    clearEmulatorLog(shop.emulator);
    const answer = await handleIpn(JSON.stringify(notification(ownTopic)));
    expect(answer.status).not.toBe(400);
    expect(emulatorApiCalls(shop.emulator)).toEqual([
      expect.stringMatching(/^GET \/v2\/charges\/S01-1111111-2222222-C000001 /),
    ]);
  });

  it("refuses a genuinely signed notification from another topic, before any Amazon call", async () => {
    clearEmulatorLog(shop.emulator);
    const message = notification(FOREIGN_TOPIC);
    expect(await handleIpn(JSON.stringify(message))).toEqual({ status: 400, body: { result: "rejected" } });
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
    expect(await shop.prisma.processedNotification.count({ where: { id: message.MessageId } })).toBe(0);
    expect((await rejectedSummaries()).at(-1)).toContain(
      `TopicArn ${FOREIGN_TOPIC} is not this shop's topic`,
    );
  });

  it("refuses a notification from the shop's topic that names another merchant", async () => {
    clearEmulatorLog(shop.emulator);
    const answer = await handleIpn(JSON.stringify(notification(ownTopic, "A3OTHERMERCHANT")));
    expect(answer).toEqual({ status: 400, body: { result: "rejected" } });
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
    expect((await rejectedSummaries()).at(-1)).toContain("MerchantID A3OTHERMERCHANT is not this shop's");
  });

  it("with AMAZON_PAY_IPN_TOPIC_ARN, accepts exactly the configured topics", async () => {
    const configured = "arn:aws:sns:us-east-1:123456789012:AmazonPay-IPN";
    process.env.AMAZON_PAY_IPN_TOPIC_ARN = `arn:aws:sns:eu-west-1:123456789012:other, ${configured}`;
    resetEnv();
    clearEmulatorLog(shop.emulator);
    expect((await handleIpn(JSON.stringify(notification(ownTopic)))).status).toBe(400);
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
    expect((await handleIpn(JSON.stringify(notification(configured)))).status).not.toBe(400);
    expect(emulatorApiCalls(shop.emulator)).toHaveLength(1);
  });
});

describe("SNS subscription confirmations", () => {
  it("confirms a subscription to the shop's own topic", async () => {
    const fetched = interceptSubscribeUrls();
    const answer = await handleIpn(JSON.stringify(subscriptionConfirmation(ownTopic)));
    expect(answer).toEqual({ status: 200, body: { result: "subscribed" } });
    expect(fetched).toEqual([expect.stringContaining("Action=ConfirmSubscription")]);
  });

  it("never confirms a subscription to a foreign topic", async () => {
    const fetched = interceptSubscribeUrls();
    const answer = await handleIpn(JSON.stringify(subscriptionConfirmation(FOREIGN_TOPIC)));
    expect(answer).toEqual({ status: 400, body: { result: "rejected" } });
    expect(fetched).toEqual([]);
  });

  it("never follows a SubscribeURL that names another topic than the signed one", async () => {
    const fetched = interceptSubscribeUrls();
    const answer = await handleIpn(JSON.stringify(subscriptionConfirmation(ownTopic, FOREIGN_TOPIC)));
    expect(answer).toEqual({ status: 400, body: { result: "rejected" } });
    expect(fetched).toEqual([]);
  });
});
