import type { AdminDispute } from "@/lib/merchant/dispute-view";

/** The time left to answer a dispute, in words: days rounded up, or that the window closed. */
export function DaysLeft({
  dispute,
}: {
  dispute: Pick<AdminDispute, "daysLeft" | "windowClosed" | "state">;
}) {
  if (dispute.windowClosed) return <span className="badge badge--error">window closed</span>;
  if (dispute.daysLeft === null)
    return <span className="badge">{dispute.state === "UnderReview" ? "under review" : "—"}</span>;
  const tone = dispute.daysLeft <= 3 ? "badge--error" : "badge--warn";
  const text = dispute.daysLeft <= 1 ? "less than a day left" : `${dispute.daysLeft} days left`;
  return (
    <span className={`badge ${tone}`} data-testid="days-left">
      {text}
    </span>
  );
}
