// HTML building blocks of the emulator's server-rendered pages: escaping and the shared layout
// (a clear "emulator" banner, readable type, visible focus).

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const esc = (value: unknown): string =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Joins attribute fragments, skipping empty ones. */
export const attrs = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(" ");

const STYLE = `
:root { color-scheme: light; --ink: #0f1111; --muted: #565959; --line: #d5d9d9; --accent: #ffd814; --focus: #0a58ca; --bad: #b12704; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f7f8f8; }
.banner { background: #232f3e; color: #fff; padding: .6rem 1.25rem; display: flex; gap: .75rem; align-items: center; }
.banner strong { font-size: 1.1rem; }
.badge { background: var(--accent); color: #0f1111; border-radius: 4px; padding: 0 .4rem; font-size: .85rem; font-weight: 600; }
main { max-width: 46rem; margin: 1.5rem auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem 1.5rem; }
main.wide { max-width: 80rem; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .5rem 1rem .75rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.option { display: flex; gap: .6rem; align-items: flex-start; padding: .4rem 0; }
.option input { margin-top: .3rem; width: 1.1rem; height: 1.1rem; }
.option .detail { display: block; color: var(--muted); font-size: .9rem; }
.option.unavailable label { color: var(--muted); }
.reason { color: var(--bad); font-size: .9rem; display: block; }
.actions { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; flex-wrap: wrap; }
button, .button { font: inherit; font-weight: 600; background: var(--accent); color: #0f1111; border: 1px solid #fcd200; border-radius: 8px; padding: .55rem 1.5rem; cursor: pointer; text-decoration: none; }
a { color: #007185; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.alert { border: 2px solid var(--bad); border-radius: 6px; padding: .6rem .9rem; color: var(--bad); background: #fff5f5; }
.muted { color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-bottom: 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f2f2; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.summary { background: #f0f2f2; border-radius: 6px; padding: .5rem 1rem; margin-bottom: 1rem; }
`;

export function layout(
  title: string,
  body: string,
  options: { wide?: boolean; script?: string; lang?: string; banner?: string } = {},
): string {
  return `<!doctype html>
<html lang="${esc(options.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Amazon Pay emulator</title>
<style>${STYLE}</style>
</head>
<body>
<header class="banner"><strong>amazon pay</strong><span class="badge">EMULATOR</span><span>${esc(options.banner ?? "Local emulator: no real payment is made.")}</span></header>
<main${options.wide ? ' class="wide"' : ""}>
${body}
</main>
${options.script ? `<script>${options.script}</script>` : ""}
</body>
</html>`;
}

export function errorPage(
  title: string,
  reasonCode: string,
  message: string,
  back?: { href: string; label: string },
): string {
  return layout(
    title,
    `<h1>${esc(title)}</h1>
<div class="alert" role="alert">
<p><strong>${esc(reasonCode)}</strong></p>
<p><code>${esc(message)}</code></p>
</div>
${back ? `<p><a href="${esc(back.href)}">${esc(back.label)}</a></p>` : ""}`,
  );
}

export function formatAddress(a: {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  stateOrRegion: string | null;
  postalCode: string | null;
  countryCode: string | null;
}): string {
  const cityLine = [a.city, [a.stateOrRegion, a.postalCode].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [a.addressLine1, a.addressLine2, cityLine, a.countryCode].filter(Boolean).join(", ");
}
