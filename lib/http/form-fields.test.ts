import { describe, expect, it } from "vitest";
import { formFields } from "./form-fields";

describe("formFields", () => {
  it("reads the named text fields and ignores files and unknown fields", () => {
    const form = new FormData();
    form.append("slug", "harbor-ceramic-mug");
    form.append("quantity", new Blob(["2"]));
    form.append("price", "0.01");
    expect(formFields(form, ["slug", "quantity"])).toEqual({ slug: "harbor-ceramic-mug", quantity: null });
  });

  it("reads anything that is not a FormData as empty fields instead of throwing", () => {
    for (const value of [
      undefined,
      null,
      "slug=x",
      5,
      [],
      { slug: "harbor-ceramic-mug" },
      { get: "not a function" },
    ]) {
      expect(formFields(value, ["slug", "quantity"])).toEqual({ slug: null, quantity: null });
    }
  });

  it("accepts a FormData-like object from another realm", () => {
    const foreign = { get: (name: string) => (name === "slug" ? "sailcloth-tote" : null), getAll: () => [] };
    expect(formFields(foreign, ["slug"])).toEqual({ slug: "sailcloth-tote" });
  });
});
