// Finds secrets in files the browser can download (.next/static after a build): private key
// material, known secret values (the local merchant's and the emulator's signing keys, the admin
// password, Next.js's server-action encryption key) and secret environment variables written
// out with a value.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface Needle {
  label: string;
  value: string;
}

export interface Finding {
  file: string;
  label: string;
}

const PRIVATE_KEY_MARKER = /PRIVATE KEY-----/;

/** Secret environment variables: a name followed by "=" or ":" and a value. */
const SECRET_ASSIGNMENT =
  /\b(AMAZON_PAY_PRIVATE_KEY(?:_PATH)?|ADMIN_PASSWORD|DATABASE_URL)\b["']?\s*[:=]\s*["'`]?[^\s"'`,;})\]]{4,}/;

/** The base64 lines of a PEM body (48+ characters): finding any one of them is finding the key. */
export function pemBodyLines(pem: string): string[] {
  return pem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^[A-Za-z0-9+/=]{48,}$/.test(line));
}

export function findSecretsInText(file: string, text: string, needles: readonly Needle[]): Finding[] {
  const findings: Finding[] = [];
  if (PRIVATE_KEY_MARKER.test(text)) findings.push({ file, label: "PEM private key marker" });
  const assignment = SECRET_ASSIGNMENT.exec(text);
  if (assignment) findings.push({ file, label: `secret variable ${assignment[1]} with a value` });
  for (const needle of needles)
    if (needle.value && text.includes(needle.value)) findings.push({ file, label: needle.label });
  return findings;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Scans every file under dir (as text; binary files simply never match). */
export function scanDirectory(
  dir: string,
  needles: readonly Needle[],
): { files: number; findings: Finding[] } {
  const files = filesUnder(dir);
  const findings = files.flatMap((file) =>
    findSecretsInText(path.relative(dir, file), readFileSync(file, "latin1"), needles),
  );
  return { files: files.length, findings };
}
