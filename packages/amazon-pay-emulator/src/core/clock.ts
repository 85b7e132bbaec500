// The emulator's movable clock: real time plus an offset that tests move forward
// (POST /__emulator/clock). Every Amazon-side lifetime (24 h sessions, 30-day authorizations,
// 180-day charge permissions, async settlement) runs on it; request-signature freshness does not.
import { formatAmzDate } from "@storefront/amazon-pay/signing";

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export class Clock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward; moving it backwards would let objects travel back in time. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError("the emulator clock only moves forward");
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** Amazon's timestamp format, YYYYMMDDTHHMMSSZ (UTC). */
export function amzTimestamp(ms: number): string {
  return formatAmzDate(new Date(ms));
}
