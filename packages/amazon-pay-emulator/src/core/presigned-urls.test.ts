import { describe, expect, it } from "vitest";
import { checkPresigned, expiryOf, presign } from "./presigned-urls";

const query = (url: string) => new URLSearchParams(url.slice(url.indexOf("?") + 1));

describe("pre-signed URLs", () => {
  const signedAt = Date.UTC(2024, 0, 5, 12, 0, 0, 400);
  const url = presign("/__emulator/report-documents/123", signedAt, 30);

  it("carry the signing time and lifetime, and are valid for that long", () => {
    expect(url).toMatch(
      /^\/__emulator\/report-documents\/123\?X-Amz-Date=20240105T120000Z&X-Amz-Expires=30&X-Amz-Signature=[0-9a-f]{64}$/,
    );
    expect(checkPresigned("/__emulator/report-documents/123", query(url), signedAt + 29_000)).toBe("valid");
    expect(checkPresigned("/__emulator/report-documents/123", query(url), signedAt + 30_000)).toBe("expired");
    expect(expiryOf(signedAt, 30)).toBe(Date.UTC(2024, 0, 5, 12, 0, 30));
  });

  it("are refused for another path or a changed lifetime", () => {
    expect(checkPresigned("/__emulator/report-documents/124", query(url), signedAt)).toBe("invalid");
    const longer = query(url);
    longer.set("X-Amz-Expires", "3600");
    expect(checkPresigned("/__emulator/report-documents/123", longer, signedAt)).toBe("invalid");
    expect(checkPresigned("/__emulator/report-documents/123", new URLSearchParams(), signedAt)).toBe(
      "invalid",
    );
  });
});
