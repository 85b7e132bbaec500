import { describe, expect, it } from "vitest";
import { formatAmzDate, parseAmzDate } from "./amz-date";

describe("x-amz-pay-date", () => {
  it("formats the basic form and parses both SDK forms", () => {
    const date = new Date(Date.UTC(2019, 8, 23, 23, 19, 8));
    expect(formatAmzDate(date)).toBe("20190923T231908Z");
    expect(parseAmzDate("20190923T231908Z")?.getTime()).toBe(date.getTime());
    expect(parseAmzDate("2019-09-23T23:19:08Z")?.getTime()).toBe(date.getTime());
    for (const bad of ["20191323T000000Z", "2019-09-23 23:19:08", "yesterday", "20190923T236008Z"])
      expect(parseAmzDate(bad)).toBeNull();
  });
});
