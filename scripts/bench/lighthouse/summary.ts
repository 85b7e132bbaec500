// Pure helpers of the Lighthouse benchmark: medians of the interleaved runs, whether a page
// meets its aim beside the bare page, and the results table.
import type { LighthouseRun } from "./audit";

/** A page may score this many points below the bare page... */
export const MAX_SCORE_GAP = 3;
/** ...and block the main thread this many times as long. */
export const MAX_BLOCKING_RATIO = 1.2;

/** One round on one page: the bare page's run, then the shop's, one right after the other. */
export interface RoundPair {
  bare: LighthouseRun;
  ours: LighthouseRun;
}

export type Medians = LighthouseRun;

export interface PageSummary {
  page: string;
  rounds: number;
  ours: Medians;
  bare: Medians;
  /** Bare page's median score minus ours (positive: ours is lower). */
  scoreGap: number;
  /** Ours over the bare page's median total blocking time; null when the bare page's is 0. */
  blockingRatio: number | null;
  meetsAim: boolean;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function medians(runs: readonly LighthouseRun[]): Medians {
  const of = (key: keyof LighthouseRun) => median(runs.map((run) => run[key]));
  return {
    score: of("score"),
    totalBlockingTimeMs: of("totalBlockingTimeMs"),
    firstContentfulPaintMs: of("firstContentfulPaintMs"),
    largestContentfulPaintMs: of("largestContentfulPaintMs"),
    speedIndexMs: of("speedIndexMs"),
    cumulativeLayoutShift: of("cumulativeLayoutShift"),
  };
}

export function summarizePage(page: string, pairs: readonly RoundPair[]): PageSummary {
  const ours = medians(pairs.map((pair) => pair.ours));
  const bare = medians(pairs.map((pair) => pair.bare));
  const scoreGap = bare.score - ours.score;
  const blockingRatio =
    bare.totalBlockingTimeMs > 0 ? ours.totalBlockingTimeMs / bare.totalBlockingTimeMs : null;
  return {
    page,
    rounds: pairs.length,
    ours,
    bare,
    scoreGap,
    blockingRatio,
    meetsAim:
      scoreGap <= MAX_SCORE_GAP && ours.totalBlockingTimeMs <= MAX_BLOCKING_RATIO * bare.totalBlockingTimeMs,
  };
}

const ms = (value: number) => String(Math.round(value));

/** A Markdown table: per page, ours beside the bare page (medians). */
export function summaryTable(summaries: readonly PageSummary[]): string {
  const rows = summaries.map((s) => [
    s.page,
    String(s.rounds),
    `${s.ours.score} / ${s.bare.score}`,
    `${ms(s.ours.totalBlockingTimeMs)} / ${ms(s.bare.totalBlockingTimeMs)}`,
    s.blockingRatio === null ? "–" : s.blockingRatio.toFixed(2),
    `${ms(s.ours.firstContentfulPaintMs)} / ${ms(s.bare.firstContentfulPaintMs)}`,
    `${ms(s.ours.largestContentfulPaintMs)} / ${ms(s.bare.largestContentfulPaintMs)}`,
    `${s.ours.cumulativeLayoutShift.toFixed(3)} / ${s.bare.cumulativeLayoutShift.toFixed(3)}`,
    s.meetsAim ? "yes" : "no",
  ]);
  const header = [
    "page",
    "rounds",
    "score: ours / bare",
    "TBT ms: ours / bare",
    "TBT ratio",
    "FCP ms: ours / bare",
    "LCP ms: ours / bare",
    "CLS: ours / bare",
    `within ${MAX_SCORE_GAP} points and ${MAX_BLOCKING_RATIO} × TBT`,
  ];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
