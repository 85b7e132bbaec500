import { describe, expect, it } from "vitest";
import { contestInputSchema, evidenceFilesSchema } from "./evidence-files";
import { MAX_EVIDENCE_BYTES } from "./evidence-limits";

const pdf = (name = "receipt.pdf", size = 100) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x25, 0x50, 0x44, 0x46]);
  return new File([bytes], name);
};
const messages = async (files: File[]) => {
  const parsed = await evidenceFilesSchema.safeParseAsync(files);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("evidence files", () => {
  it("accepts the types Amazon Pay takes, named by extension and checked by their first bytes", async () => {
    const parsed = await evidenceFilesSchema.parseAsync([pdf("Receipt.PDF")]);
    expect(parsed).toEqual([expect.objectContaining({ name: "Receipt.PDF", type: "pdf" })]);
    expect(parsed[0]!.bytes.byteLength).toBe(100);
  });

  it("ignores the empty file an untouched file input sends", async () => {
    expect(await evidenceFilesSchema.parseAsync([new File([], "")])).toEqual([]);
  });

  it("refuses other types, disguised files, empty files, too many and too large, saying why", async () => {
    expect(await messages([new File(["MZ"], "tool.exe")])).toEqual([
      expect.stringMatching(/^tool\.exe is not a file type Amazon Pay accepts \(csv, pdf/),
    ]);
    expect(await messages([new File(["<html>"], "invoice.pdf")])).toEqual([
      "invoice.pdf does not look like a PDF file.",
    ]);
    expect(await messages([new File([], "blank.csv")])).toEqual(["blank.csv is empty."]);
    expect(await messages([pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf"), pdf("d.pdf")])).toEqual([
      "Attach at most 3 files.",
    ]);
    expect(await messages([pdf("big.pdf", MAX_EVIDENCE_BYTES + 1)])).toEqual([
      "The files come to 901 KB; together they may be at most 900 KB.",
    ]);
  });

  it("needs a statement of some length and a kind of evidence", async () => {
    const parsed = await contestInputSchema.safeParseAsync({
      statement: " too short ",
      evidenceType: "Gift",
      files: [],
    });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual([
      "Write why the charge is valid (at least 20 characters).",
      "Choose what the files show.",
    ]);
  });
});
