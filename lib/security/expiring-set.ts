// A set whose members are forgotten after a while, bounded in size (the oldest go first). The
// shop keeps in it, per process, the Checkout Session ids Amazon Pay just said it does not know,
// so asking again about one of them costs no call (./unknown-checkout-sessions.ts).

export interface ExpiringSet {
  add(value: string): void;
  has(value: string): boolean;
  size(): number;
}

export function createExpiringSet(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): ExpiringSet {
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  return {
    add(value) {
      expiries.delete(value);
      expiries.set(value, now() + options.ttlMs);
      while (expiries.size > options.maxEntries) {
        const oldest = expiries.keys().next().value;
        if (oldest === undefined) break;
        expiries.delete(oldest);
      }
    },
    has(value) {
      const expires = expiries.get(value);
      if (expires === undefined) return false;
      if (expires > now()) return true;
      expiries.delete(value);
      return false;
    },
    size: () => expiries.size,
  };
}
