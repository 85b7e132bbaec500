// A tiny load balancer for the multi-instance tests: one public address, requests sent to the
// storefront instances in turn, Host header preserved (so every instance sees the shop's URL).
import http from "node:http";

export interface RoundRobinProxy {
  url: string;
  /** How many requests each of the initial backends received. */
  counts: number[];
  /** Sends all traffic to these backends from now on (a deploy, a failover, a test's pinning). */
  setBackends(backends: string[]): void;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(port: number, backends: string[]): Promise<RoundRobinProxy> {
  let targets = backends.map((backend) => new URL(backend));
  const counts = targets.map(() => 0);
  let next = 0;
  // Requests still waiting on a backend; closing the proxy ends them, so none keeps the process alive.
  const inFlight = new Set<http.ClientRequest>();
  const server = http.createServer((req, res) => {
    const index = next++ % targets.length;
    counts[index] = (counts[index] ?? 0) + 1;
    const target = targets[index]!;
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    inFlight.add(upstream);
    upstream.on("close", () => inFlight.delete(upstream));
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("backend unavailable");
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setBackends: (next) => {
      targets = next.map((backend) => new URL(backend));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const upstream of inFlight) upstream.destroy();
        server.closeAllConnections();
      }),
  };
}
