// Calls server actions over HTTP the way React's client does: POST to a page with the action's
// id in Next-Action, the arguments encoded by React (a JSON array as text, or a multipart form
// whose field "0" is that array and whose "_1_<name>" fields are the FormData argument "$K1").
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { z } from "zod";

const manifestSchema = z.object({
  node: z.record(z.string(), z.object({ filename: z.string(), exportedName: z.string() })),
});

let ids: Map<string, string> | undefined;

/** The id of an exported server action in the current build, e.g. actionId("lib/cart/action.ts", "addToCartAction"). */
export function actionId(file: string, name: string): string {
  ids ??= new Map(
    Object.entries(
      manifestSchema.parse(
        JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")),
      ).node,
    ).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]),
  );
  const id = ids.get(`${file}#${name}`);
  if (!id) throw new Error(`no server action ${name} in ${file}; run npm run build`);
  return id;
}

export interface ActionAnswer {
  status: number;
  /** The action's return value, when the answer is a React Flight stream with one. */
  result: unknown;
  /** Where a redirecting action sends the browser (without the ";push" / ";replace" mode). */
  redirect: string | null;
  body: string;
}

/** Reads the action's return value from a Flight answer: row 0 points at it ("a": "$@<row>"). */
function flightResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get("0");
  if (!root) return undefined;
  const reference = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof reference !== "string" || !reference.startsWith("$@")) return undefined;
  const row = rows.get(reference.slice(2));
  if (row === undefined || !/^[[{"\dntf-]/.test(row)) return undefined; // an error ("E{...}") or a text chunk
  return JSON.parse(row);
}

async function answer(response: APIResponse): Promise<ActionAnswer> {
  const body = await response.text();
  const isFlight = (response.headers()["content-type"] ?? "").startsWith("text/x-component");
  return {
    status: response.status(),
    result: isFlight ? flightResult(body) : undefined,
    redirect: response.headers()["x-action-redirect"]?.replace(/;(push|replace)$/, "") ?? null,
    body,
  };
}

interface CallOptions {
  origin?: string | null;
  headers?: Record<string, string>;
}

function headersFor(baseUrl: string, id: string, options: CallOptions): Record<string, string> {
  const origin = options.origin === undefined ? new URL(baseUrl).origin : options.origin;
  return { "next-action": id, accept: "text/x-component", ...(origin ? { origin } : {}), ...options.headers };
}

/** An action called with plain arguments (React sends them as a JSON text body). */
export async function callAction(
  request: APIRequestContext,
  baseUrl: string,
  pagePath: string,
  id: string,
  args: unknown[] | string,
  options: CallOptions = {},
): Promise<ActionAnswer> {
  const response = await request.post(`${baseUrl}${pagePath}`, {
    headers: { ...headersFor(baseUrl, id, options), "content-type": "text/plain;charset=UTF-8" },
    data: typeof args === "string" ? args : JSON.stringify(args),
    maxRedirects: 0,
  });
  return answer(response);
}

/**
 * A form action: `withState` for forms driven by useActionState (arguments: previous state,
 * FormData), otherwise a plain <form action> (arguments: FormData).
 */
export async function callFormAction(
  request: APIRequestContext,
  baseUrl: string,
  pagePath: string,
  id: string,
  fields: Record<string, string>,
  options: CallOptions & { withState?: boolean; root?: string } = {},
): Promise<ActionAnswer> {
  // React appends the FormData argument's fields first and the arguments model ("0") last; the
  // server resolves "$K1" as soon as "0" arrives, so the order matters.
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", options.root ?? JSON.stringify(options.withState ? [null, "$K1"] : ["$K1"]));
  const response = await request.post(`${baseUrl}${pagePath}`, {
    headers: headersFor(baseUrl, id, options),
    multipart,
    maxRedirects: 0,
  });
  return answer(response);
}
