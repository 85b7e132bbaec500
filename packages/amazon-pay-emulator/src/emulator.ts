// The emulator's state and services, independent of HTTP: configuration, the movable clock and its
// scheduler, stored objects, merchants, idempotency, faults and IPN delivery.
import path from "node:path";
import { ApiCallLog } from "./core/api-call-log";
import { Clock } from "./core/clock";
import {
  applyConfigPatch,
  configPatchSchema,
  DEFAULT_CONFIG,
  type ConfigPatch,
  type EmulatorConfig,
} from "./core/config";
import { FaultInjector } from "./core/faults";
import { IdempotencyStore } from "./core/idempotency";
import { MerchantRegistry, type MerchantRecord } from "./core/merchants";
import { Scheduler } from "./core/scheduler";
import { loadSigningIdentity, type SigningIdentity } from "./ipn/certificate";
import { IpnDispatcher, type IpnRecord } from "./ipn/dispatcher";
import type { IpnMessage } from "./ipn/sns";
import { ObjectStore } from "./model/store";

export interface EmulatorOptions {
  /** Folder for merchants.json and the SNS signing key; null keeps everything in memory. */
  dataDir: string | null;
  config?: ConfigPatch;
  log?: (line: string) => void;
}

export class Emulator {
  config: EmulatorConfig;
  readonly clock = new Clock();
  readonly scheduler: Scheduler;
  readonly store: ObjectStore;
  readonly merchants: MerchantRegistry;
  readonly idempotency = new IdempotencyStore();
  readonly faults = new FaultInjector();
  readonly apiCalls = new ApiCallLog();
  readonly identity: SigningIdentity;
  readonly ipn: IpnDispatcher;
  readonly log: (line: string) => void;
  /** Origin the emulator is reachable at (set once the server listens). */
  publicUrl = "http://127.0.0.1:4010";

  constructor(options: EmulatorOptions) {
    this.log = options.log ?? ((line) => console.log(line));
    this.config = options.config
      ? applyConfigPatch(DEFAULT_CONFIG, configPatchSchema.parse(options.config))
      : structuredClone(DEFAULT_CONFIG);
    this.scheduler = new Scheduler(this.clock, (error, event) =>
      this.log(`[emulator] scheduled event ${event.label} failed: ${String(error)}`),
    );
    this.store = new ObjectStore(() => this.config.foreignObjectError);
    this.merchants = new MerchantRegistry(
      options.dataDir ? path.join(options.dataDir, "merchants.json") : null,
    );
    this.identity = loadSigningIdentity(options.dataDir);
    this.ipn = new IpnDispatcher({
      config: () => this.config.ipn,
      publicUrl: () => this.publicUrl,
      identity: this.identity,
      ipnUrlOf: (merchantId) => this.merchants.ipnUrlOf(merchantId),
      takeIpnDrop: () => this.faults.takeIpnDrop(),
      log: (line) => this.log(line),
    });
  }

  updateConfig(patch: unknown): EmulatorConfig {
    this.config = applyConfigPatch(this.config, configPatchSchema.parse(patch));
    return this.config;
  }

  now(): number {
    return this.clock.now();
  }

  redirectUrl(checkoutSessionId: string): string {
    return `${this.publicUrl}/checkout/processing?amazonCheckoutSessionId=${encodeURIComponent(checkoutSessionId)}`;
  }

  /** Sends the IPN for a state change (or creation) of a Charge, Refund or Charge Permission. */
  notify(
    message: Omit<IpnMessage, "NotificationId" | "NotificationVersion">,
    objectState: string,
  ): IpnRecord | null {
    return this.ipn.notify(message, objectState);
  }

  /** After a merchant's IPN URL was set: the SNS subscription handshake, when configured. */
  ipnUrlSet(merchant: MerchantRecord): void {
    if (merchant.ipnUrl && this.config.ipn.sendSubscriptionConfirmation)
      this.ipn.confirmSubscription(merchant.merchantId, merchant.ipnUrl);
  }

  /** Moves the clock and runs every event that became due. */
  advanceClock(ms: number): void {
    this.clock.advance(ms);
    this.scheduler.runDue();
  }

  reset(options: { merchants?: boolean } = {}): void {
    this.scheduler.clear();
    this.store.clear();
    this.idempotency.clear();
    this.faults.clear();
    this.ipn.clear();
    this.apiCalls.clear();
    this.clock.reset();
    if (options.merchants) this.merchants.clear();
  }

  stop(): void {
    this.scheduler.stop();
    this.ipn.stop();
  }
}
