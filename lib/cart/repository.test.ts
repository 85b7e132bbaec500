import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marketFor } from "@/lib/market/markets";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import {
  addToCart,
  addToCartOfToken,
  CartError,
  clearCart,
  countCartItems,
  createCart,
  createCartWithLine,
  findCartIdByToken,
  loadCart,
  readCartLines,
  removeCartLine,
  setCartLineQuantity,
} from "./repository";
import { hashCartToken, isWellFormedCartToken } from "./token";

const US = marketFor("na", "USD");

let database: TestDatabase;

async function setPrice(slug: string, currency: string, amountMinor: number) {
  const { id } = await database.prisma.product.findUniqueOrThrow({ where: { slug } });
  await database.prisma.productPrice.update({
    where: { productId_currency: { productId: id, currency } },
    data: { amountMinor },
  });
}
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("cart repository", () => {
  it("stores only the hash of the cookie token", async () => {
    const { cartId, token } = await createCart(database.prisma);
    expect(isWellFormedCartToken(token)).toBe(true);
    const row = await database.prisma.cart.findUniqueOrThrow({ where: { id: cartId } });
    expect(row.tokenHash).toBe(hashCartToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(await findCartIdByToken(database.prisma, token)).toBe(cartId);
    expect(
      await findCartIdByToken(database.prisma, token.replace(/^./, token[0] === "A" ? "B" : "A")),
    ).toBeNull();
  });

  it("prices lines from the database and totals them", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "harbor-ceramic-mug", 2);
    await addToCart(database.prisma, cartId, "lighthouse-enamel-pin", 1);
    await addToCart(database.prisma, cartId, "harbor-ceramic-mug", 1);
    const cart = await loadCart(database.prisma, cartId, { market: US });
    expect(cart?.lines.map((l) => [l.slug, l.quantity, l.lineTotal.amount])).toEqual([
      ["harbor-ceramic-mug", 3, 5550],
      ["lighthouse-enamel-pin", 1, 799],
    ]);
    expect(cart?.itemCount).toBe(4);
    expect(cart?.quote.subtotal.amount).toBe(6349);
    expect(cart?.quote.shipping.amount).toBe(599);
    expect(cart?.quote.tax.amount).toBe(413); // 6.5 % home-state estimate of 63.49
    expect(cart?.quote.total.amount).toBe(6349 + 599 + 413);
    expect(cart?.checkoutReady).toBe(true);
  });

  it("follows price changes in the catalog (nothing is frozen in the cart)", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "sailcloth-tote", 1);
    await setPrice("sailcloth-tote", "USD", 3700);
    expect((await loadCart(database.prisma, cartId, { market: US }))?.quote.subtotal.amount).toBe(3700);
    await setPrice("sailcloth-tote", "USD", 3600);
  });

  it("bounds each line to 99 and refuses unknown products", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "pine-needle-candle", 99);
    await expect(addToCart(database.prisma, cartId, "pine-needle-candle", 1)).rejects.toMatchObject({
      code: "quantity-limit",
    });
    await expect(addToCart(database.prisma, cartId, "no-such-thing", 1)).rejects.toBeInstanceOf(CartError);
    expect(await countCartItems(database.prisma, cartId)).toBe(99);
  });

  it("creates a cart with its first line, and no cart for a product that is not sold", async () => {
    const { cartId, token } = await createCartWithLine(database.prisma, "harbor-ceramic-mug", 2);
    expect(await findCartIdByToken(database.prisma, token)).toBe(cartId);
    expect(await countCartItems(database.prisma, cartId)).toBe(2);
    const carts = await database.prisma.cart.count();
    await database.prisma.product.update({ where: { slug: "wool-camp-blanket" }, data: { active: false } });
    try {
      for (const slug of ["no-such-thing", "wool-camp-blanket"])
        await expect(createCartWithLine(database.prisma, slug, 1)).rejects.toMatchObject({
          code: "unknown-product",
        });
    } finally {
      await database.prisma.product.update({ where: { slug: "wool-camp-blanket" }, data: { active: true } });
    }
    await expect(createCartWithLine(database.prisma, "sailcloth-tote", 100)).rejects.toMatchObject({
      code: "quantity-limit",
    });
    expect(await database.prisma.cart.count()).toBe(carts);
  });

  it("adds to the cart a cookie token names, and to none for a token no cart has", async () => {
    const { cartId, token } = await createCartWithLine(database.prisma, "harbor-ceramic-mug", 2);
    expect(await addToCartOfToken(database.prisma, token, "harbor-ceramic-mug", 3)).toBe(5);
    expect(await addToCartOfToken(database.prisma, token, "sailcloth-tote", 1)).toBe(1);
    expect(await countCartItems(database.prisma, cartId)).toBe(6);
    const carts = await database.prisma.cart.count();
    const unknown = token.replace(/^./, token[0] === "A" ? "B" : "A");
    expect(await addToCartOfToken(database.prisma, unknown, "harbor-ceramic-mug", 1)).toBeNull();
    expect(await database.prisma.cart.count()).toBe(carts);
    // A refused add changes nothing, not even when the cart was last touched.
    const { updatedAt } = await database.prisma.cart.findUniqueOrThrow({ where: { id: cartId } });
    await expect(addToCartOfToken(database.prisma, token, "harbor-ceramic-mug", 95)).rejects.toMatchObject({
      code: "quantity-limit",
    });
    await expect(addToCartOfToken(database.prisma, token, "no-such-thing", 1)).rejects.toMatchObject({
      code: "unknown-product",
    });
    expect(await database.prisma.cart.findUniqueOrThrow({ where: { id: cartId } })).toMatchObject({
      updatedAt,
    });
    expect(await countCartItems(database.prisma, cartId)).toBe(6);
  });

  it("changes and removes lines of the cart a cookie token names", async () => {
    const { cartId, token } = await createCartWithLine(database.prisma, "harbor-ceramic-mug", 2);
    await setCartLineQuantity(database.prisma, { token }, "harbor-ceramic-mug", 7);
    expect(await countCartItems(database.prisma, { token })).toBe(7);
    await removeCartLine(database.prisma, { token }, "harbor-ceramic-mug");
    expect(await countCartItems(database.prisma, cartId)).toBe(0);
    const unknown = { token: token.replace(/^./, token[0] === "A" ? "B" : "A") };
    expect(await countCartItems(database.prisma, unknown)).toBe(0);
    await expect(
      setCartLineQuantity(database.prisma, unknown, "harbor-ceramic-mug", 1),
    ).rejects.toMatchObject({ code: "cart-not-found" });
    await expect(removeCartLine(database.prisma, unknown, "harbor-ceramic-mug")).rejects.toMatchObject({
      code: "cart-not-found",
    });
  });

  it("refuses to change a cart that is gone", async () => {
    const { cartId } = await createCart(database.prisma);
    await database.prisma.cart.delete({ where: { id: cartId } });
    await expect(addToCart(database.prisma, cartId, "sailcloth-tote", 1)).rejects.toMatchObject({
      code: "cart-not-found",
    });
    await expect(removeCartLine(database.prisma, cartId, "sailcloth-tote")).rejects.toMatchObject({
      code: "cart-not-found",
    });
  });

  it("reads a cart's lines by its token, each naming the cart", async () => {
    const { cartId, token } = await createCartWithLine(database.prisma, "lighthouse-enamel-pin", 1);
    await addToCart(database.prisma, cartId, "sailcloth-tote", 2);
    const lines = await readCartLines(database.prisma, { token }, "USD");
    expect(lines.map((line) => [line.cartId, line.product.slug, line.quantity]).sort()).toEqual([
      [cartId, "lighthouse-enamel-pin", 1],
      [cartId, "sailcloth-tote", 2],
    ]);
    const other = await createCart(database.prisma);
    expect(await readCartLines(database.prisma, { token: other.token }, "USD")).toEqual([]);
  });

  it("changes quantities, removes lines and clears", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "copper-pour-over-kettle", 1);
    await setCartLineQuantity(database.prisma, cartId, "copper-pour-over-kettle", 5);
    expect(await countCartItems(database.prisma, cartId)).toBe(5);
    await expect(setCartLineQuantity(database.prisma, cartId, "sailcloth-tote", 2)).rejects.toMatchObject({
      code: "line-not-found",
    });
    await removeCartLine(database.prisma, cartId, "copper-pour-over-kettle");
    expect(await countCartItems(database.prisma, cartId)).toBe(0);
    await addToCart(database.prisma, cartId, "copper-pour-over-kettle", 1);
    await clearCart(database.prisma, cartId);
    const cart = await loadCart(database.prisma, cartId, { market: US });
    expect(cart?.lines).toEqual([]);
    expect(cart?.checkoutReady).toBe(false);
  });

  it("keeps concurrent adds of the same product consistent", async () => {
    const { cartId } = await createCart(database.prisma);
    await Promise.all(
      Array.from({ length: 20 }, () => addToCart(database.prisma, cartId, "tidepool-field-notebook", 1)),
    );
    expect(await countCartItems(database.prisma, cartId)).toBe(20);
  });

  it("flags lines whose product is no longer sold and leaves them out of the total", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "wool-camp-blanket", 1);
    await addToCart(database.prisma, cartId, "sailcloth-tote", 1);
    await database.prisma.product.update({ where: { slug: "wool-camp-blanket" }, data: { active: false } });
    const cart = await loadCart(database.prisma, cartId, { market: US });
    expect(cart?.lines.find((l) => l.slug === "wool-camp-blanket")?.available).toBe(false);
    expect(cart?.quote.subtotal.amount).toBe(3600);
    expect(cart?.checkoutReady).toBe(false);
    await database.prisma.product.update({ where: { slug: "wool-camp-blanket" }, data: { active: true } });
  });

  it("prices the same cart in the market's currency, with VAT included in the UK", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "harbor-ceramic-mug", 2);
    const cart = await loadCart(database.prisma, cartId, { market: marketFor("eu", "GBP") });
    expect(cart?.currency).toBe("GBP");
    expect(cart?.lines.map((l) => [l.unitPrice, l.lineTotal.amount])).toEqual([
      [{ amount: 1550, currency: "GBP" }, 3100],
    ]);
    expect(cart?.quote.shipping).toEqual({ amount: 395, currency: "GBP" });
    expect(cart?.quote.total).toEqual({ amount: 3100 + 395, currency: "GBP" });
    expect(cart?.quote.tax).toEqual({ amount: 583, currency: "GBP" }); // 34.95 / 6 = 5.825
    expect(cart?.quote.taxIncluded).toBe(true);
  });

  it("does not sell a product that has no price in the market's currency", async () => {
    const { cartId } = await createCart(database.prisma);
    await addToCart(database.prisma, cartId, "sailcloth-tote", 1);
    await addToCart(database.prisma, cartId, "driftwood-serving-board", 1);
    const { id } = await database.prisma.product.findUniqueOrThrow({ where: { slug: "sailcloth-tote" } });
    const yen = await database.prisma.productPrice.delete({
      where: { productId_currency: { productId: id, currency: "JPY" } },
    });
    try {
      const cart = await loadCart(database.prisma, cartId, { market: marketFor("jp", "JPY") });
      expect(cart?.lines.find((l) => l.slug === "sailcloth-tote")?.available).toBe(false);
      expect(cart?.quote.subtotal).toEqual({ amount: 5800, currency: "JPY" });
      expect(cart?.checkoutReady).toBe(false);
    } finally {
      await database.prisma.productPrice.create({ data: yen });
    }
  });
});
