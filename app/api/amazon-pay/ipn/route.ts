import { env } from "@/lib/env";
import { handleIpn } from "@/lib/reconciliation/ipn/handle-ipn";
import { securityHeaders } from "@/lib/security/security-headers";

const MAX_BODY_BYTES = 64 * 1024;

// Amazon Pay Instant Payment Notifications (SNS HTTP POST, content-type text/plain).
// proxy.ts does not run for this path (see its matcher): Next.js buffers a request's body for
// the proxy and logs an error when the sender hangs up before the body is complete, which SNS
// and the emulator do when an answer takes longer than their timeout. This handler reads the
// body itself, treats a cut-off body as nothing received, and sets the security headers itself.
function reply(body: { result: string }, status: number): Response {
  return Response.json(body, { status, headers: securityHeaders(env(), { kind: "api" }) });
}

async function readBody(request: Request): Promise<string | null> {
  try {
    return await request.text();
  } catch {
    return null; // the sender went away mid-body
  }
}

export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return reply({ result: "rejected" }, 413);
  const raw = await readBody(request);
  if (raw === null) return reply({ result: "incomplete" }, 400);
  if (raw.length > MAX_BODY_BYTES) return reply({ result: "rejected" }, 413);
  const answer = await handleIpn(raw);
  return reply(answer.body, answer.status);
}

const methodNotAllowed = () =>
  new Response(null, { status: 405, headers: { ...securityHeaders(env(), { kind: "api" }), allow: "POST" } });

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
};
