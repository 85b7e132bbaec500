import "server-only";
// Instant Payment Notifications: verify the SNS envelope, accept only this shop's topic and
// merchant, confirm subscriptions to that topic only, drop duplicates, then read the named object
// from the API (never trusting the message's claims) and apply its state. A forged, foreign or
// replayed message changes nothing and is logged.
import { ipnMessageSchema } from "@storefront/amazon-pay/schemas/ipn";
import { db } from "@/lib/db";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { recordPaymentEvent } from "@/lib/payment-events";
import { syncCharge, syncChargePermission, syncRefund, type SyncResult } from "../sync";
import { syncDispute } from "../sync-dispute";
import { expectedIpnSource, foreignTopicReason } from "./ipn-source";
import { snsEnvelopeSchema, type SnsEnvelope } from "./sns-message";
import { createSnsVerifier, type SnsVerifier } from "./sns-verifier";
import { isUniqueViolation } from "@/lib/prisma/errors";

export interface IpnAnswer {
  status: number;
  body: { result: string };
}

const holder = globalThis as unknown as { __storefrontSnsVerifier?: SnsVerifier };

function verifier(): SnsVerifier {
  holder.__storefrontSnsVerifier ??= createSnsVerifier({
    trustedOrigins: amazonPay().settings.trustedCertOrigins,
  });
  return holder.__storefrontSnsVerifier;
}

/** Rejected messages kept in the database per hour; beyond that only the server log has them. */
const MAX_REJECTED_RECORDS_PER_HOUR = 100;

async function logRejected(summary: string, detail: unknown): Promise<void> {
  console.warn(`[ipn] rejected: ${summary}`);
  // Anyone can post junk to this endpoint: keep the audit trail from being flooded.
  const recent = await db().paymentEvent.count({
    where: {
      kind: "ipn",
      orderId: null,
      summary: { startsWith: "Rejected IPN" },
      createdAt: { gte: new Date(Date.now() - 3_600_000) },
    },
  });
  if (recent >= MAX_REJECTED_RECORDS_PER_HOUR) return;
  await recordPaymentEvent(db(), {
    orderId: null,
    kind: "ipn",
    source: "ipn",
    summary: `Rejected IPN: ${summary}`,
    detail,
  });
}

const answer = (status: number, result: string): IpnAnswer => ({ status, body: { result } });

async function confirmSubscription(message: SnsEnvelope & { SubscribeURL: string }): Promise<IpnAnswer> {
  // The SubscribeURL must live where the certificate may, and name the topic that was signed:
  // never fetch an arbitrary URL, never subscribe to another topic.
  let url: URL;
  try {
    url = new URL(message.SubscribeURL);
  } catch {
    await logRejected("SubscribeURL is not a URL", { messageId: message.MessageId });
    return answer(400, "rejected");
  }
  const certOrigin = new URL(message.SigningCertURL).origin;
  if (url.origin !== certOrigin) {
    await logRejected("SubscribeURL is not on the signing host", { subscribeUrl: url.origin, certOrigin });
    return answer(400, "rejected");
  }
  if (url.searchParams.get("TopicArn") !== message.TopicArn) {
    await logRejected("SubscribeURL names another topic", { topicArn: message.TopicArn });
    return answer(400, "rejected");
  }
  let status: number | null = null;
  try {
    const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(5000) });
    status = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch {
    // unreachable or too slow: SNS sends the confirmation again
  }
  await recordPaymentEvent(db(), {
    orderId: null,
    kind: "ipn",
    source: "ipn",
    summary: `Subscription confirmation for ${message.TopicArn}: ${status === null ? "no answer" : `HTTP ${status}`}`,
  });
  const ok = status !== null && status >= 200 && status < 300;
  return answer(ok ? 200 : 502, ok ? "subscribed" : "subscription failed");
}

function describeSync(result: SyncResult): string {
  switch (result.kind) {
    case "applied":
      if (result.result.outcome.kind !== "applied") return result.result.outcome.kind;
      return result.result.outcome.from === result.result.outcome.to
        ? `recorded, status stays ${result.result.outcome.to}`
        : `${result.result.outcome.from} → ${result.result.outcome.to}`;
    case "draft-reconciled":
      return `checkout of ${result.orderNumber} still open`;
    default:
      return `${result.kind}: ${result.detail}`;
  }
}

export async function handleIpn(rawBody: string): Promise<IpnAnswer> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    await logRejected("body is not JSON", { length: rawBody.length });
    return answer(400, "rejected");
  }
  const envelope = snsEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    await logRejected("not an SNS envelope", {
      issues: envelope.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    return answer(400, "rejected");
  }
  const message = envelope.data;
  const verified = await verifier().verify(message);
  if (!verified.ok) {
    await logRejected(verified.reason, {
      messageId: message.MessageId,
      topicArn: message.TopicArn,
      certUrl: message.SigningCertURL,
    });
    return answer(400, "rejected");
  }
  // Only now is the TopicArn known to be what SNS signed; a subscription to any other topic is
  // never confirmed, and no other topic's notification is read.
  const source = expectedIpnSource();
  const foreignTopic = foreignTopicReason(message.TopicArn, source);
  if (foreignTopic) {
    await logRejected(foreignTopic, {
      messageId: message.MessageId,
      type: message.Type,
      topicArn: message.TopicArn,
    });
    return answer(400, "rejected");
  }
  if (message.Type === "SubscriptionConfirmation") return confirmSubscription(message);
  if (message.Type === "UnsubscribeConfirmation") return answer(200, "noted");

  let ipn;
  try {
    ipn = ipnMessageSchema.parse(JSON.parse(message.Message));
  } catch {
    await logRejected("Message is not an Amazon Pay IPN", { messageId: message.MessageId });
    return answer(400, "rejected");
  }
  if (ipn.MerchantID !== source.merchantId) {
    await logRejected(`MerchantID ${ipn.MerchantID.slice(0, 40)} is not this shop's`, {
      messageId: message.MessageId,
      topicArn: message.TopicArn,
    });
    return answer(400, "rejected");
  }
  const prisma = db();
  const seen = await prisma.processedNotification.findFirst({
    where: { OR: [{ id: message.MessageId }, { notificationId: ipn.NotificationId }] },
    select: { id: true },
  });
  if (seen) {
    console.log(`[ipn] duplicate ${ipn.NotificationId} ignored`);
    await recordPaymentEvent(prisma, {
      orderId: null,
      kind: "ipn",
      source: "ipn",
      summary: `Duplicate IPN ${ipn.NotificationId} for ${ipn.ObjectType} ${ipn.ObjectId} ignored`,
    });
    return answer(200, "duplicate");
  }

  let result: SyncResult;
  switch (ipn.ObjectType) {
    case "CHARGE":
      result = await syncCharge(ipn.ObjectId, "ipn");
      break;
    case "REFUND":
      result = await syncRefund(ipn.ObjectId, "ipn");
      break;
    case "CHARGE_PERMISSION":
      result = await syncChargePermission(ipn.ObjectId, "ipn");
      break;
    case "CHARGEBACK": // ObjectId is the dispute's id
      result = await syncDispute(ipn.ObjectId, "ipn");
      break;
    default:
      result = { kind: "unknown-order", detail: `${ipn.ObjectType} notifications are not handled` };
  }
  const orderId = result.kind === "applied" ? result.result.order.id : null;
  await recordPaymentEvent(prisma, {
    orderId,
    kind: "ipn",
    source: "ipn",
    summary: `IPN ${ipn.NotificationType} ${ipn.ObjectType} ${ipn.ObjectId}: ${describeSync(result)}`,
    detail: { notificationId: ipn.NotificationId, messageId: message.MessageId },
  });
  if (result.kind === "unreadable") return answer(503, "retry later"); // Amazon retries; nothing recorded as processed
  await prisma.processedNotification
    .create({
      data: {
        id: message.MessageId,
        notificationId: ipn.NotificationId,
        objectType: String(ipn.ObjectType),
        objectId: ipn.ObjectId,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error; // a concurrent duplicate already recorded it
    });
  return answer(200, "processed");
}
