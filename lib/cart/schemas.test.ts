import { describe, expect, it } from "vitest";
import { formFields } from "@/lib/http/form-fields";
import { addToCartInput } from "./schemas";

describe("addToCartInput", () => {
  it("lets validation answer a hand-made call with a message", () => {
    const parsed = addToCartInput.safeParse(formFields(undefined, ["slug", "quantity"]));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Choose a product.");
  });
});
