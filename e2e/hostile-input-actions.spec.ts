// Hostile arguments for the shop's server actions (cart, checkout, Buy Now), sent the way a
// browser sends them. Every answer is a form error or a buyer message, never a 5xx, and no row a
// buyer could affect changes.
import fc from "fast-check";
import { actionId, callAction, callFormAction } from "./support/actions";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import {
  FUZZ,
  invalidQuantity,
  notASlug,
  oddText,
  PRODUCT_SLUGS,
  reactEncodable,
  tamperingFields,
} from "./support/hostile";
import { BUY_NOW, buyerWithCart, CART, CHECKOUT, expectFormError, SHOP } from "./support/hostile-buyer";
import { expect, test } from "./support/test";

test.beforeAll(async () => {
  await quietDatabase();
});

test.describe("server actions", () => {
  test("cart actions answer hostile form fields with a form error", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const add = actionId(CART, "addToCartAction");
    const update = actionId(CART, "updateCartLineAction");
    const remove = actionId(CART, "removeCartLineAction");
    const addFields = fc.oneof(
      fc.record({ slug: fc.constantFrom(...PRODUCT_SLUGS), quantity: invalidQuantity(true) }),
      fc.record({ slug: notASlug, quantity: oddText }),
    );
    const updateFields = fc.oneof(
      fc.record({ slug: fc.constant("harbor-ceramic-mug"), quantity: invalidQuantity(false) }),
      fc.record({ slug: notASlug, quantity: oddText }),
    );
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(addFields, tamperingFields, async (fields, extra) => {
          expectFormError(
            await callFormAction(
              buyer,
              SHOP,
              "/products/harbor-ceramic-mug",
              add,
              { ...extra, ...fields },
              { withState: true },
            ),
            fields,
          );
        }),
        FUZZ(40),
      );
      await fc.assert(
        fc.asyncProperty(updateFields, async (fields) => {
          expectFormError(
            await callFormAction(buyer, SHOP, "/cart", update, fields, { withState: true }),
            fields,
          );
        }),
        FUZZ(30),
      );
      await fc.assert(
        fc.asyncProperty(
          notASlug.filter(
            (text) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text.trim()) || text.trim().length > 80,
          ),
          async (slug) => {
            expectFormError(
              await callFormAction(buyer, SHOP, "/cart", remove, { slug }, { withState: true }),
              slug,
            );
          },
        ),
        FUZZ(20),
      );
      // Called by hand with anything but (previous state, FormData): a message, not a crash.
      for (const root of [
        "[]",
        '["x"]',
        "[1,2,3]",
        '[{"slug":"harbor-ceramic-mug","quantity":1}]',
        '["$K1"]',
        "[null,null]",
      ]) {
        for (const id of [add, update, remove])
          expectFormError(
            await callFormAction(
              buyer,
              SHOP,
              "/cart",
              id,
              { slug: "harbor-ceramic-mug", quantity: "2" },
              { root },
            ),
            root,
          );
      }
    });
    await buyer.dispose();
  });

  test("checkout actions refuse hostile arguments", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const placeOrder = actionId(CHECKOUT, "placeOrderAction");
    const chooseShipping = actionId(CHECKOUT, "chooseShippingMethodFormAction");
    const complete = actionId(CHECKOUT, "completeCheckoutAction");
    const completeForm = actionId(CHECKOUT, "completeCheckoutFormAction");
    const buyNow = [
      "buyNowInitAction",
      "buyNowAddressAction",
      "buyNowDeliveryAction",
      "buyNowCompleteAction",
    ].map((name) => actionId(BUY_NOW, name));
    const hostileSession = oddText.filter((text) => !/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(text.trim()));
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ sessionId: fc.oneof(hostileSession, fc.uuid()), fingerprint: oddText }),
          tamperingFields,
          async (fields, extra) => {
            expectFormError(
              await callFormAction(
                buyer,
                SHOP,
                "/checkout/review",
                placeOrder,
                { ...extra, ...fields },
                { withState: true },
              ),
              fields,
            );
          },
        ),
        FUZZ(30),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.record({ sessionId: fc.oneof(hostileSession, fc.uuid()), shippingMethod: oddText }),
          async (fields) => {
            // A plain form: it answers by sending the browser back to the cart with a notice.
            const answer = await callFormAction(buyer, SHOP, "/checkout/review", chooseShipping, fields);
            expect(answer.status, JSON.stringify(fields)).toBeLessThan(400);
            expect(answer.redirect, JSON.stringify(fields)).toMatch(
              /^\/cart\?checkout=session-(unknown|foreign)/,
            );
          },
        ),
        FUZZ(20),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(reactEncodable, { maxLength: 3 }), async (args) => {
          const answer = await callAction(buyer, SHOP, "/checkout/result", complete, args);
          expect(answer.status, JSON.stringify(args)).toBe(200);
          expect(answer.result, JSON.stringify(args)).toMatchObject({
            ok: false,
            redirectTo: expect.stringMatching(/^\/cart\?checkout=session-/),
            error: expect.stringMatching(/\S/),
          });
          const form = await callFormAction(buyer, SHOP, "/checkout/result", completeForm, {
            sessionId: JSON.stringify(args[0] ?? "").slice(0, 200),
          });
          expect(form.status).toBeLessThan(400);
          expect(form.redirect).toMatch(/^\/cart\?checkout=session-/);
        }),
        FUZZ(20),
      );
      const buyNowArgs = fc.oneof(
        fc.array(reactEncodable, { maxLength: 3 }),
        fc
          .record(
            {
              sessionId: fc.oneof(hostileSession, fc.uuid()),
              slug: fc.oneof(fc.constantFrom(...PRODUCT_SLUGS), notASlug),
              quantity: fc.oneof(
                fc.integer({ max: 0 }),
                fc.integer({ min: 100 }),
                fc.double().filter((value) => !Number.isInteger(value)),
                oddText,
              ),
              deliveryOptionId: oddText,
              shippingAddress: reactEncodable,
            },
            { requiredKeys: [] },
          )
          .map((value) => [value]),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...buyNow), buyNowArgs, async (id, args) => {
          const answer = await callAction(buyer, SHOP, "/products/harbor-ceramic-mug", id, args);
          expect(answer.status, JSON.stringify(args)).toBe(200);
          expect(answer.result, JSON.stringify(args)).toMatchObject({
            ok: false,
            code: expect.stringMatching(/\S/),
            error: expect.stringMatching(/\S/),
          });
        }),
        FUZZ(60),
      );
    });
    await buyer.dispose();
  });
});
