import { checkHealth } from "@/lib/health";

// Readiness probe for load balancers and orchestrators: 200 when this process can serve buyers,
// 503 (with what is wrong) when it cannot. Never cached.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
