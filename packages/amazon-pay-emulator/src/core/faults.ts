// Fault injection for resilience tests (POST /__emulator/faults): answer the next N API calls with
// 429/5xx, slow them down, drop the connection before or after processing, or drop the next N
// IPN deliveries. A fault may be limited to one operation.
import { z } from "zod";
import { OPERATIONS, type Operation } from "./simulation";

const count = z.number().int().positive().max(10_000).default(1);
const operation = z.enum(OPERATIONS).optional();

export const faultSpecSchema = z.discriminatedUnion("fault", [
  z.strictObject({
    fault: z.literal("status"),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    count,
    operation,
  }),
  z.strictObject({
    fault: z.literal("delay"),
    delayMs: z.number().int().positive().max(120_000),
    count,
    operation,
  }),
  z.strictObject({ fault: z.literal("dropBeforeProcessing"), count, operation }),
  z.strictObject({ fault: z.literal("dropAfterProcessing"), count, operation }),
  z.strictObject({ fault: z.literal("dropIpn"), count }),
]);
export const faultRequestSchema = z.union([faultSpecSchema, z.array(faultSpecSchema).min(1)]);

export type FaultSpec = z.output<typeof faultSpecSchema>;
export type ApiFault = Exclude<FaultSpec, { fault: "dropIpn" }>;

export interface ActiveFault {
  id: number;
  spec: FaultSpec;
  remaining: number;
}

const STATUS_REASONS: Record<number, { reasonCode: string; message: string }> = {
  429: { reasonCode: "TooManyRequests", message: "The request was throttled (injected fault)." },
  500: { reasonCode: "InternalServerError", message: "An internal server error occurred (injected fault)." },
  502: { reasonCode: "BadGateway", message: "Bad gateway (injected fault)." },
  503: {
    reasonCode: "ServiceUnavailable",
    message: "The service is temporarily unavailable (injected fault).",
  },
  504: { reasonCode: "GatewayTimeout", message: "Gateway timeout (injected fault)." },
};

export const faultStatusBody = (status: number) =>
  STATUS_REASONS[status] ?? { reasonCode: "InternalServerError", message: "Injected fault." };

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(specs: FaultSpec[]): ActiveFault[] {
    for (const spec of specs) this.faults.push({ id: this.nextId++, spec, remaining: spec.count });
    return this.list();
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  private take(match: (spec: FaultSpec) => boolean): FaultSpec | null {
    const index = this.faults.findIndex((f) => match(f.spec));
    if (index === -1) return null;
    const fault = this.faults[index]!;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  /** The fault to apply to this API call, consuming one of its uses. */
  takeApiFault(op: Operation): ApiFault | null {
    return this.take(
      (spec) => spec.fault !== "dropIpn" && (spec.operation === undefined || spec.operation === op),
    ) as ApiFault | null;
  }

  takeIpnDrop(): boolean {
    return this.take((spec) => spec.fault === "dropIpn") !== null;
  }
}
