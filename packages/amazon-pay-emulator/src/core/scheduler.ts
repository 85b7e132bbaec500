// Due events on the movable clock: each runs once when the clock reaches it, either because real
// time passed (one unref'd timer armed for the earliest event) or because the clock was moved.
import type { Clock } from "./clock";

export interface ScheduledEvent {
  id: number;
  dueAt: number;
  /** Receives the event's due time, so a chain of events keeps its own timeline after a jump. */
  run: (at: number) => void;
  label: string;
}

// setTimeout overflows above 2^31-1 ms (24.8 days); longer waits re-arm.
const MAX_TIMER_MS = 2_147_483_647;

export class Scheduler {
  private events = new Map<number, ScheduledEvent>();
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private running = false;

  constructor(
    private readonly clock: Clock,
    private readonly onError: (error: unknown, event: ScheduledEvent) => void = () => {},
  ) {}

  schedule(dueAt: number, label: string, run: (at: number) => void): number {
    const id = this.nextId++;
    this.events.set(id, { id, dueAt, run, label });
    if (dueAt < this.armedFor) this.arm();
    return id;
  }

  cancel(id: number | null | undefined): void {
    if (id != null) this.events.delete(id);
  }

  get size(): number {
    return this.events.size;
  }

  pending(): ScheduledEvent[] {
    return [...this.events.values()].sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
  }

  /** Runs every event that is due, earliest first, including events that running ones schedule. */
  runDue(): number {
    if (this.running) return 0;
    this.running = true;
    let count = 0;
    try {
      for (;;) {
        const now = this.clock.now();
        let next: ScheduledEvent | undefined;
        for (const event of this.events.values()) {
          if (
            event.dueAt <= now &&
            (!next || event.dueAt < next.dueAt || (event.dueAt === next.dueAt && event.id < next.id))
          )
            next = event;
        }
        if (!next) break;
        this.events.delete(next.id);
        count++;
        try {
          next.run(next.dueAt);
        } catch (error) {
          this.onError(error, next);
        }
      }
    } finally {
      this.running = false;
      this.arm();
    }
    return count;
  }

  clear(): void {
    this.events.clear();
    this.disarm();
  }

  stop(): void {
    this.clear();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
  }

  private arm(): void {
    this.disarm();
    let earliest = Infinity;
    for (const event of this.events.values()) if (event.dueAt < earliest) earliest = event.dueAt;
    if (earliest === Infinity) return;
    const wait = Math.min(Math.max(0, earliest - this.clock.now()), MAX_TIMER_MS);
    this.armedFor = earliest;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.armedFor = Infinity;
      this.runDue();
    }, wait);
    this.timer.unref();
  }
}
