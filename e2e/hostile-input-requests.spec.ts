// Server action requests that no browser of this shop sends: broken bodies, unknown action ids,
// paths that do not decode, foreign origins. Each gets a 4xx, never a 500, and changes nothing.
import fc from "fast-check";
import { actionId, callAction, callFormAction } from "./support/actions";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import { FUZZ, oddText } from "./support/hostile";
import { BUY_NOW, buyerWithCart, CART, CHECKOUT, SHOP } from "./support/hostile-buyer";
import { expect, test } from "./support/test";

test.beforeAll(async () => {
  await quietDatabase();
});

test.describe("server action requests", () => {
  test("malformed server action requests get a 4xx, never a 500", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const add = actionId(CART, "addToCartAction");
    const init = actionId(BUY_NOW, "buyNowInitAction");
    const unescapedDollar = fc.constantFrom(
      "$@1",
      "$h1",
      "$F1",
      "$Q1",
      "$W1",
      "$1",
      "$n",
      "$nxyz",
      "$B1",
      "$T1",
      "$D",
      "$Dnot-a-date",
      "$S",
      "$Z",
      "$i",
      "$l",
    );
    const rawBody = fc.oneof(
      oddText,
      fc
        .jsonValue()
        .filter((value) => !Array.isArray(value))
        .map((value) => JSON.stringify(value)),
      fc
        .array(unescapedDollar, { minLength: 1, maxLength: 3 })
        .map((value) => JSON.stringify([{ sessionId: value }])),
      fc.integer({ min: 33, max: 3_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
    );
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(rawBody, async (body) => {
          const answer = await callAction(buyer, SHOP, "/products/harbor-ceramic-mug", init, body);
          expect([400, 413], body.slice(0, 200)).toContain(answer.status);
        }),
        FUZZ(50),
      );
      const oversize = await callAction(
        buyer,
        SHOP,
        "/products/harbor-ceramic-mug",
        init,
        JSON.stringify([{ sessionId: "a".repeat(1_100_000) }]),
      );
      expect(oversize.status).toBe(413);
      // Multipart bodies: no arguments field, arguments that are not a list, a broken form.
      for (const root of ["", "x", "{}", "5", '"$K1"', '[null,"$@1"]']) {
        const answer = await callFormAction(
          buyer,
          SHOP,
          "/products/harbor-ceramic-mug",
          add,
          { slug: "harbor-ceramic-mug" },
          { root },
        );
        expect(answer.status, root).toBe(400);
      }
      const noRoot = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
        headers: { "next-action": add, origin: SHOP },
        multipart: { _1_slug: "harbor-ceramic-mug" },
      });
      expect(noRoot.status()).toBe(400);
      const broken = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
        headers: { "next-action": add, origin: SHOP, "content-type": "multipart/form-data; boundary=xyz" },
        data: "--xyz\r\ngarbage",
      });
      expect(broken.status()).toBe(400);
      // Unknown, malformed and foreign-build action ids.
      for (const id of ["0".repeat(42), "zz", "a".repeat(3000), "60" + "f".repeat(40)]) {
        const answer = await callAction(buyer, SHOP, "/cart", id, "[]");
        expect(answer.status, id).toBeGreaterThanOrEqual(400);
        expect(answer.status, id).toBeLessThan(500);
      }
      // A form posted without JavaScript that names an action with the wrong arguments.
      const mpa = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
        headers: { origin: SHOP },
        multipart: { [`$ACTION_ID_${add}`]: "", slug: "harbor-ceramic-mug", quantity: "1" },
        maxRedirects: 0,
      });
      expect(mpa.status()).toBeLessThan(500);
      for (const reference of ["garbage", '{"id":"nope","bound":null}', '{"id":1}']) {
        const answer = await buyer.post(`${SHOP}/cart`, {
          headers: { origin: SHOP },
          multipart: { $ACTION_REF_1: "", "$ACTION_1:0": reference, $ACTION_KEY: "k" },
          maxRedirects: 0,
        });
        expect(answer.status(), reference).toBeGreaterThanOrEqual(400);
        expect(answer.status(), reference).toBeLessThan(500);
      }
      // Paths whose %-escapes do not decode.
      for (const path of ["/products/%ff", "/orders/%ff%fe", "/api/orders/%ff/status", "/admin/orders/%c0"]) {
        expect((await buyer.get(`${SHOP}${path}`, { maxRedirects: 0 })).status(), path).toBe(400);
      }
    });
    await buyer.dispose();
  });

  test("server actions refuse foreign origins", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const add = actionId(CART, "addToCartAction");
    const complete = actionId(CHECKOUT, "completeCheckoutAction");
    await expectNoDatabaseChange(async () => {
      for (const origin of [
        "https://evil.example",
        "http://127.0.0.1:1",
        "null",
        "http://127.0.0.1.evil.example",
      ]) {
        const form = await callFormAction(
          buyer,
          SHOP,
          "/products/harbor-ceramic-mug",
          add,
          { slug: "harbor-ceramic-mug", quantity: "3" },
          { withState: true, origin },
        );
        expect(form.status, origin).toBe(403);
        const json = await callAction(buyer, SHOP, "/checkout/result", complete, ["abc"], { origin });
        expect(json.status, origin).toBe(403);
        // The same form posted without JavaScript (no Next-Action header).
        const mpa = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
          headers: { origin },
          multipart: { [`$ACTION_ID_${add}`]: "", slug: "harbor-ceramic-mug", quantity: "3" },
          maxRedirects: 0,
        });
        expect(mpa.status(), origin).toBe(403);
      }
    });
    // The shop's own origin is accepted: the same call adds the item.
    const own = await callFormAction(
      buyer,
      SHOP,
      "/products/harbor-ceramic-mug",
      add,
      { slug: "harbor-ceramic-mug", quantity: "3" },
      { withState: true },
    );
    expect(own.result).toMatchObject({ ok: true, data: { quantity: 4 } });
    await buyer.dispose();
  });
});
