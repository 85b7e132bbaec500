// The cart cookie carries a random 256-bit token; the database stores only its SHA-256.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newCartToken = (): string => randomBytes(32).toString("base64url");

export const isWellFormedCartToken = (value: unknown): value is string =>
  typeof value === "string" && TOKEN_PATTERN.test(value);

export const hashCartToken = (token: string): string => createHash("sha256").update(token).digest("hex");
