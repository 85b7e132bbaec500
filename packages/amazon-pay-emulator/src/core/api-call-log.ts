// The last API calls the emulator answered (not the hosted pages or /__emulator): what a shop
// called, with what result and how long the emulator took, including its configured latency.
// Bounded: the oldest entries go first. Read by GET /__emulator/api-calls and the benchmark.

export interface ApiCall {
  method: string;
  path: string;
  /** HTTP status, or 0 when the connection was dropped before an answer. */
  status: number;
  reasonCode?: string;
  /** Epoch milliseconds (sub-millisecond precision) when the request arrived. */
  startedAt: number;
  durationMs: number;
}

export class ApiCallLog {
  private calls: ApiCall[] = [];

  constructor(private readonly capacity = 20_000) {}

  record(call: ApiCall): void {
    this.calls.push(call);
    if (this.calls.length > this.capacity) this.calls.splice(0, this.calls.length - this.capacity);
  }

  /** Calls that arrived at or after `since` (epoch ms), oldest first. */
  list(since = 0): ApiCall[] {
    return this.calls.filter((call) => call.startedAt >= since);
  }

  clear(): void {
    this.calls = [];
  }
}

/** Wall-clock epoch milliseconds with sub-millisecond precision, comparable across processes. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
