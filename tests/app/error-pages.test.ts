// The error pages (app/error.tsx, app/global-error.tsx) cannot know whether a payment went
// through before the error, so they never claim that nothing was charged.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";

const error = Object.assign(new Error("database unreachable"), { digest: "4242" });

describe.each([
  ["app/error.tsx", ErrorPage],
  ["app/global-error.tsx", GlobalError],
])("%s", (_file, Page) => {
  const html = renderToStaticMarkup(createElement(Page, { error, reset: () => {} }));

  it("does not claim that nothing was charged", () => {
    expect(html).not.toMatch(/nothing was charged/i);
    expect(html).toContain("If you were placing an order, it may have gone through");
  });

  it("gives the reference, never the internal error text", () => {
    expect(html).toContain("(Reference 4242)");
    expect(html).not.toContain("database unreachable");
  });
});
