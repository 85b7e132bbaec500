// Checks a POST to a page (a server action call, with or without JavaScript) before Next.js
// sees it. Next.js answers 500 when such a request comes from a foreign origin or when its body
// is not what React's client would send; this guard answers those with a clear 4xx instead.
// It does not check what the action does with its arguments: every action parses them itself.

export const MAX_ACTION_BODY_BYTES = 1024 * 1024; // Next.js's own serverActions.bodySizeLimit
const MAX_DEPTH = 32;

export interface Refusal {
  status: 400 | 403 | 413;
  error: string;
}

const refuse = (status: Refusal["status"], error: string): Refusal => ({ status, error });

/**
 * True when the Origin header names another site. Browsers send Origin with every POST; a
 * request without one is not a browser's (and carries no victim's cookies), as in Next.js.
 */
export function isForeignOrigin(headers: Headers, shopUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file:) and anything unparseable
  }
  const own = new Set<string>([new URL(shopUrl).host]);
  const host = headers.get("host");
  if (host) own.add(host.toLowerCase());
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) own.add(forwarded.toLowerCase());
  return !own.has(originHost);
}

// Strings React's client sends with a leading "$": an escaped string ("$$..."), the special
// numbers, undefined, and a reference to a FormData argument ("$K" + hex id). Everything else
// ("$@" promises, "$h"/"$F" server references, "$Q" maps, "$n" bigints, "$B" blobs, ...) is
// something this shop's actions never take, and several of them make React's decoder throw.
const ALLOWED_DOLLAR_STRING =
  /^(?:\$\$[\s\S]*|\$undefined|\$NaN|\$Infinity|\$-Infinity|\$-0|\$K[0-9a-f]{1,8})$/;

function checkValue(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `The action arguments are nested deeper than ${MAX_DEPTH} levels.`;
  if (typeof value === "string") {
    return value.startsWith("$") && !ALLOWED_DOLLAR_STRING.test(value)
      ? "The action arguments contain a value this shop does not accept."
      : null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkValue(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/** Checks the arguments model of a server action call: a JSON array of plain values. */
export function checkActionArguments(text: string): string | null {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch {
    return "The action arguments are not valid JSON.";
  }
  if (!Array.isArray(model)) return "The action arguments must be a list.";
  return checkValue(model, 1);
}

async function readBody(request: Request): Promise<{ body: ArrayBuffer } | { refusal: Refusal }> {
  const tooLarge = { refusal: refuse(413, "The request body is larger than 1 MB.") };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY_BYTES) return tooLarge;
  const body = await request.arrayBuffer();
  return body.byteLength > MAX_ACTION_BODY_BYTES ? tooLarge : { body };
}

async function readForm(body: ArrayBuffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

/** Null when the POST may go on to Next.js; otherwise the 4xx to answer. Reads a clone of the body. */
export async function checkPagePost(request: Request, shopUrl: string): Promise<Refusal | null> {
  if (isForeignOrigin(request.headers, shopUrl)) return refuse(403, "Requests from other sites are refused.");
  const isFetchAction = request.headers.has("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  const isMultipart = /^multipart\/form-data\b/i.test(contentType);
  if (!isFetchAction && !isMultipart) return null; // not an action: Next.js answers it as a page

  const read = await readBody(request.clone());
  if ("refusal" in read) return read.refusal;
  const { body } = read;
  if (isMultipart) {
    const form = await readForm(body, contentType);
    if (!form) return refuse(400, "The form data could not be read.");
    if (!isFetchAction) return null; // a form posted without JavaScript: Next.js checks its fields
    const root = form.get("0");
    if (typeof root !== "string") return refuse(400, "The action arguments are missing.");
    const problem = checkActionArguments(root);
    return problem ? refuse(400, problem) : null;
  }
  const problem = checkActionArguments(new TextDecoder().decode(body));
  return problem ? refuse(400, problem) : null;
}
