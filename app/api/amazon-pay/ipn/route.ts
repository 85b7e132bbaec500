import { handleIpn } from "@/lib/reconciliation/ipn/handle-ipn";

const MAX_BODY_BYTES = 64 * 1024;

// Amazon Pay Instant Payment Notifications (SNS HTTP POST, content-type text/plain).
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return Response.json({ result: "rejected" }, { status: 413 });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return Response.json({ result: "rejected" }, { status: 413 });
  const answer = await handleIpn(raw);
  return Response.json(answer.body, { status: answer.status });
}
