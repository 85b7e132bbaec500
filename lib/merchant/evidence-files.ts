// The evidence a merchant sends to contest a dispute: a statement, and files of the types Amazon
// Pay accepts, checked by name and (where the format has one) by their first bytes, within the
// limits of lib/merchant/evidence-limits.ts.
import { EVIDENCE_FILE_TYPES, type EvidenceFileType } from "@storefront/amazon-pay/schemas/file";
import { z } from "zod";
import {
  EVIDENCE_EXTENSIONS,
  FILE_EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_STATEMENT_CHARS,
  MIN_STATEMENT_CHARS,
  type FileEvidenceType,
} from "./evidence-limits";

/** What the file must start with, for the formats that have such a signature. */
const SIGNATURES: Partial<Record<EvidenceFileType, number[][]>> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]], // %PDF
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpg: [[0xff, 0xd8, 0xff]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]], // zip containers
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  ods: [[0x50, 0x4b, 0x03, 0x04]],
  xls: [[0xd0, 0xcf, 0x11, 0xe0]], // OLE compound files
  doc: [[0xd0, 0xcf, 0x11, 0xe0]],
};

export interface EvidenceFile {
  name: string;
  type: EvidenceFileType;
  bytes: Uint8Array;
}

const typeOf = (name: string): EvidenceFileType | null => {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  return EVIDENCE_EXTENSIONS[extension] ?? null;
};

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
const shortName = (name: string) => (name.length > 60 ? `${name.slice(0, 57)}…` : name);

/** The files of a form's file input; an input left empty sends one nameless, empty file. */
export const evidenceFilesSchema = z
  .array(z.file())
  .transform((files) => files.filter((file) => file.name !== "" || file.size > 0))
  .superRefine((files, ctx) => {
    if (files.length > MAX_EVIDENCE_FILES)
      ctx.addIssue({ code: "custom", message: `Attach at most ${MAX_EVIDENCE_FILES} files.` });
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > MAX_EVIDENCE_BYTES)
      ctx.addIssue({
        code: "custom",
        message: `The files come to ${kib(total)}; together they may be at most ${kib(MAX_EVIDENCE_BYTES)}.`,
      });
    for (const file of files) {
      if (file.size === 0) ctx.addIssue({ code: "custom", message: `${shortName(file.name)} is empty.` });
      if (!typeOf(file.name))
        ctx.addIssue({
          code: "custom",
          message: `${shortName(file.name)} is not a file type Amazon Pay accepts (${EVIDENCE_FILE_TYPES.join(", ")}).`,
        });
    }
  })
  .transform(async (files): Promise<EvidenceFile[]> =>
    Promise.all(
      files.map(async (file) => ({
        name: file.name,
        type: typeOf(file.name)!,
        bytes: new Uint8Array(await file.arrayBuffer()),
      })),
    ),
  )
  .superRefine((files, ctx) => {
    for (const file of files) {
      const signatures = SIGNATURES[file.type];
      if (signatures && !signatures.some((signature) => startsWith(file.bytes, signature)))
        ctx.addIssue({
          code: "custom",
          message: `${shortName(file.name)} does not look like a ${file.type.toUpperCase()} file.`,
        });
    }
  });

export const contestInputSchema = z.object({
  statement: z
    .string({ error: "Write why the charge is valid." })
    .trim()
    .min(MIN_STATEMENT_CHARS, {
      error: `Write why the charge is valid (at least ${MIN_STATEMENT_CHARS} characters).`,
    })
    .max(MAX_STATEMENT_CHARS, { error: `Keep the statement under ${MAX_STATEMENT_CHARS} characters.` }),
  evidenceType: z.enum(Object.keys(FILE_EVIDENCE_TYPES) as [FileEvidenceType, ...FileEvidenceType[]], {
    error: "Choose what the files show.",
  }),
  files: evidenceFilesSchema,
});
