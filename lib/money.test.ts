import { describe, expect, it } from "vitest";
import { formatMoney, money } from "./money";

describe("formatMoney", () => {
  it("formats for display in the currency's own minor units", () => {
    expect(formatMoney(money(123456, "USD"))).toBe("$1,234.56");
    expect(formatMoney(money(1999, "JPY"))).toBe("¥1,999");
  });
});
