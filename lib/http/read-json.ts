// Reads a JSON request body with a size cap; every problem is a clear 4xx, never a 500.
export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const problem = (status: number, error: string) => ({
  ok: false as const,
  response: Response.json({ error }, { status }),
});

export async function readJsonBody(request: Request, maxBytes = 16 * 1024): Promise<JsonBody> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return problem(415, "Send the body as application/json.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return problem(413, `The body is larger than ${maxBytes} bytes.`);
  if (!request.body) return problem(400, "The body is empty.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return problem(413, `The body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return problem(400, "The body is not valid JSON.");
  }
}
