// Sends IPNs: wraps each message in a signed SNS envelope, POSTs it to the merchant's IPN URL,
// retries non-2xx answers and network errors with exponential back-off, and keeps a log of every
// message and attempt (GET /__emulator/state, the dashboard, replay). The console hears about a
// failed attempt only when it means something: the receiver answered with an error, or it had
// answered before and stopped. A receiver that was simply not listening yet (the shop still
// starting, a page still compiling) is retried in silence; giving up is always said once.
import { randomBytes, randomUUID } from "node:crypto";
import type { IpnConfig } from "../core/config";
import { newNotificationId } from "../core/ids";
import type { SigningIdentity } from "./certificate";
import {
  signSns,
  topicArn,
  type IpnMessage,
  type NotificationEnvelope,
  type SnsEnvelope,
  type SubscriptionConfirmationEnvelope,
} from "./sns";

export type DeliveryStatus =
  "pending" | "retrying" | "delivered" | "failed" | "dropped" | "no-endpoint" | "disabled";

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface IpnRecord {
  id: string;
  type: SnsEnvelope["Type"];
  merchantId: string;
  /** What changed, for notifications; null for subscription confirmations. */
  message: IpnMessage | null;
  /** The object's state after the change (for people reading the log). */
  objectState: string | null;
  ipnUrl: string | null;
  envelope: SnsEnvelope;
  createdAt: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  replays: number;
}

export interface DispatcherDeps {
  config: () => IpnConfig;
  publicUrl: () => string;
  identity: SigningIdentity;
  ipnUrlOf: (merchantId: string) => string | null;
  /** True when fault injection drops this delivery. */
  takeIpnDrop: () => boolean;
  log: (line: string) => void;
}

export interface SubscriptionRecord {
  token: string;
  merchantId: string;
  topicArn: string;
  ipnUrl: string;
  confirmed: boolean;
}

export class IpnDispatcher {
  private records: IpnRecord[] = [];
  private byId = new Map<string, IpnRecord>();
  private timers = new Set<NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();
  /** IPN URLs that have answered at least once (with any HTTP status). */
  private answered = new Set<string>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  list(): IpnRecord[] {
    return this.records;
  }

  private certUrl(): string {
    return `${this.deps.publicUrl()}/__emulator/sns/SimpleNotificationService-${this.deps.identity.certificateHash}.pem`;
  }

  /** Queues a notification for a Charge, Refund or Charge Permission change. */
  notify(
    message: Omit<IpnMessage, "NotificationId" | "NotificationVersion">,
    objectState: string | null,
  ): IpnRecord | null {
    const config = this.deps.config();
    const full: IpnMessage = { ...message, NotificationId: newNotificationId(), NotificationVersion: "V2" };
    const topic = topicArn(message.MerchantID);
    const unsigned = {
      Type: "Notification" as const,
      MessageId: randomUUID(),
      TopicArn: topic,
      Message: JSON.stringify(full),
      Timestamp: new Date().toISOString(),
    };
    const envelope: NotificationEnvelope = {
      ...unsigned,
      SignatureVersion: config.signatureVersion,
      Signature: signSns(unsigned, config.signatureVersion, this.deps.identity.privateKey),
      SigningCertURL: this.certUrl(),
      UnsubscribeURL: `${this.deps.publicUrl()}/__emulator/sns/unsubscribe?SubscriptionArn=${encodeURIComponent(`${topic}:${message.MerchantID}`)}`,
    };
    const record = this.add(full.NotificationId, envelope, message.MerchantID, full, objectState);
    if (!config.enabled) record.status = "disabled";
    else this.startDelivery(record);
    return record;
  }

  /** Sends a SubscriptionConfirmation for a newly set IPN URL. */
  confirmSubscription(merchantId: string, ipnUrl: string): IpnRecord {
    const config = this.deps.config();
    const topic = topicArn(merchantId);
    const token = randomBytes(32).toString("hex");
    this.subscriptions.set(token, { token, merchantId, topicArn: topic, ipnUrl, confirmed: false });
    const subscribeUrl = `${this.deps.publicUrl()}/__emulator/sns/confirm?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topic)}&Token=${token}`;
    const unsigned = {
      Type: "SubscriptionConfirmation" as const,
      MessageId: randomUUID(),
      Token: token,
      TopicArn: topic,
      Message: `You have chosen to subscribe to the topic ${topic}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
      SubscribeURL: subscribeUrl,
      Timestamp: new Date().toISOString(),
    };
    const envelope: SubscriptionConfirmationEnvelope = {
      ...unsigned,
      SignatureVersion: config.signatureVersion,
      Signature: signSns(unsigned, config.signatureVersion, this.deps.identity.privateKey),
      SigningCertURL: this.certUrl(),
    };
    const record = this.add(envelope.MessageId, envelope, merchantId, null, null, ipnUrl);
    this.startDelivery(record);
    return record;
  }

  /** Sends a logged message again (same envelope, as SNS redelivers it). */
  replay(id: string): IpnRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    record.replays++;
    if (record.type === "Notification") record.ipnUrl = this.deps.ipnUrlOf(record.merchantId);
    record.status = "pending";
    this.startDelivery(record);
    return record;
  }

  private add(
    id: string,
    envelope: SnsEnvelope,
    merchantId: string,
    message: IpnMessage | null,
    objectState: string | null,
    ipnUrl?: string,
  ): IpnRecord {
    const record: IpnRecord = {
      id,
      type: envelope.Type,
      merchantId,
      message,
      objectState,
      ipnUrl: ipnUrl ?? this.deps.ipnUrlOf(merchantId),
      envelope,
      createdAt: new Date().toISOString(),
      status: "pending",
      attempts: [],
      replays: 0,
    };
    this.records.push(record);
    this.byId.set(id, record);
    return record;
  }

  private startDelivery(record: IpnRecord): void {
    if (!record.ipnUrl) {
      record.status = "no-endpoint";
      return;
    }
    if (this.deps.takeIpnDrop()) {
      record.status = "dropped";
      record.attempts.push({
        at: new Date().toISOString(),
        status: null,
        error: "dropped by fault injection",
        durationMs: 0,
      });
      return;
    }
    this.track(this.attempt(record, 1));
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async attempt(record: IpnRecord, attempt: number): Promise<void> {
    const config = this.deps.config();
    const url = record.ipnUrl;
    if (!url || this.stopped) return;
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "text/plain; charset=UTF-8",
          "user-agent": "Amazon Simple Notification Service Agent",
          "x-amz-sns-message-type": record.envelope.Type,
          "x-amz-sns-message-id": record.envelope.MessageId,
          "x-amz-sns-topic-arn": record.envelope.TopicArn,
          ...(record.type === "Notification"
            ? { "x-amz-sns-subscription-arn": `${record.envelope.TopicArn}:${record.merchantId}` }
            : {}),
        },
        body: JSON.stringify(record.envelope),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    }
    if (this.stopped) return;
    record.attempts.push({
      at: new Date().toISOString(),
      status,
      error,
      durationMs: Math.round(performance.now() - started),
    });
    if (status !== null) this.answered.add(url);
    const ok = status !== null && status >= 200 && status < 300;
    if (ok) {
      record.status = "delivered";
      return;
    }
    const outcome = error ?? `HTTP ${status}`;
    if (attempt >= config.maxAttempts) {
      record.status = "failed";
      this.deps.log(
        `[emulator] IPN ${record.id} to ${url} not delivered after ${attempt} attempts: ${outcome}`,
      );
      return;
    }
    if (status !== null || this.answered.has(url)) {
      this.deps.log(
        `[emulator] IPN ${record.id} to ${url} failed (attempt ${attempt}/${config.maxAttempts}, will retry): ${outcome}`,
      );
    }
    record.status = "retrying";
    const delay = config.retryDelayMs * config.retryBackoffFactor ** (attempt - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(record, attempt + 1));
    }, delay);
    this.timers.add(timer);
  }

  /** Resolves when no delivery is running or waiting for a retry (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.records = [];
    this.byId.clear();
    this.subscriptions.clear();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }
}
