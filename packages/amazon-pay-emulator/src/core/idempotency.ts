// x-amz-pay-idempotency-key: the first request's response is saved and returned again for
// the same key and the same request; the same key with a different request is 400
// DuplicateIdempotencyKey. A request arriving while the first with its key is still being
// processed waits for that response instead of being processed twice. 5xx and 429 are never
// saved (a retry must be able to succeed).
import { ApiError } from "./api-error";

export interface SavedResponse {
  status: number;
  body: string;
}

interface Saved {
  fingerprint: string;
  response: SavedResponse;
}

/** Canonical JSON text: keys sorted, so that formatting and key order do not make requests differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export class IdempotencyStore {
  private saved = new Map<string, Saved>();
  private inFlight = new Map<string, Promise<unknown>>();

  get size(): number {
    return this.saved.size;
  }

  /**
   * Runs `process` once per key. `shouldSave` decides whether its response is kept for replays.
   * Returns the response and whether it was a replay.
   */
  async run(
    key: string,
    fingerprint: string,
    process: () => Promise<SavedResponse>,
    shouldSave: (response: SavedResponse) => boolean,
  ): Promise<{ response: SavedResponse; replayed: boolean }> {
    for (;;) {
      const saved = this.saved.get(key);
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          throw new ApiError(
            400,
            "DuplicateIdempotencyKey",
            `The idempotency key [${key.split("|").pop()}] was already used in a different request, and cannot be reused.`,
          );
        }
        return { response: saved.response, replayed: true };
      }
      const running = this.inFlight.get(key);
      if (!running) break;
      await running;
    }
    const work = process();
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(key, settled);
    try {
      const response = await work;
      if (shouldSave(response)) this.saved.set(key, { fingerprint, response });
      return { response, replayed: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  clear(): void {
    this.saved.clear();
  }
}
