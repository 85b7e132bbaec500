// Safeguards a buyer, an attacker or an operator runs into: the checkout's public doors are
// rate-limited per client, unknown Checkout Session ids cost one Amazon call, a sender hanging up
// mid-body raises no error in the server, and a production server without Amazon Pay credentials
// refuses to start unless the operator opts into the emulator. Runs its own servers (their
// output is read), on the e2e database and emulator.
import { spawn, type ChildProcess } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import net from "node:net";
import type { Browser } from "@playwright/test";
import { E2E_DATA_DIR, e2eDatabaseUrl, EMULATOR_URL, SHOPS } from "./support/environment";
import { assertPortFree, E2E_SHOP_ENV, SHARED_INSTANCE_ENV, waitForHttp } from "./support/shop-process";
import { expect, test } from "./support/test";

const PORT = SHOPS.AuthorizeWithCapture.port + 50;
const REFUSING_PORT = PORT + 1;
const BUDGET = 3;
const RATE_LIMITED =
  "Too many checkout attempts from your network just now. Please wait a minute and try again.";

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The environment of an e2e shop (as e2e/support/shop-process.ts builds it) on `port`. */
function shopEnvironment(port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  const { hostname, port: emulatorPort } = new URL(EMULATOR_URL);
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: e2eDatabaseUrl(),
    DATA_DIR: E2E_DATA_DIR,
    PORT: String(port),
    SHOP_URL: `http://127.0.0.1:${port}`,
    AMAZON_PAY_EMULATOR_HOST: hostname,
    AMAZON_PAY_EMULATOR_PORT: emulatorPort,
    RECONCILER_INTERVAL_SECONDS: "0",
    ...E2E_SHOP_ENV,
    ...SHARED_INSTANCE_ENV,
    ...extra,
  };
}

function run(args: string[], env: NodeJS.ProcessEnv, port: number): Server {
  let output = "";
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}

const nextStart = (port: number, env: NodeJS.ProcessEnv) =>
  run(["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], env, port);

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await server.exited;
}

/** A client of its own: the shops trust one proxy hop, so X-Forwarded-For names it. */
const someClient = () => `203.0.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function browserAs(browser: Browser) {
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someClient() } });
}

test.describe.configure({ mode: "serial" });

let shop: Server;
test.beforeAll(async () => {
  await assertPortFree(PORT);
  shop = nextStart(PORT, shopEnvironment(PORT, { CHECKOUT_RATE_LIMIT_PER_MINUTE: String(BUDGET) }));
  await waitForHttp(`${shop.url}/`, shop.child);
});
test.afterAll(async () => stop(shop));

test("the review page sends a client over its budget back to the cart, and only that client", async ({
  browser,
}) => {
  const context = await browserAs(browser);
  const page = await context.newPage();
  const review = `${shop.url}/checkout/review?amazonCheckoutSessionId=${randomUUID()}`;
  for (let visit = 1; visit <= BUDGET; visit++) {
    await page.goto(review);
    await expect(page).toHaveURL(/\/cart\?checkout=cart-empty$/);
  }
  await page.goto(review);
  await expect(page).toHaveURL(/\/cart\?checkout=rate-limited$/);
  await expect(page.getByText(RATE_LIMITED)).toBeVisible();

  const someoneElse = await (await browserAs(browser)).newPage();
  await someoneElse.goto(review);
  await expect(someoneElse).toHaveURL(/\/cart\?checkout=cart-empty$/);
  await context.close();
  await someoneElse.context().close();
});

test("the mobile Finalize route answers 429 with Retry-After once a client is over its budget", async ({
  playwright,
}) => {
  const client = await playwright.request.newContext({
    extraHTTPHeaders: { "x-forwarded-for": someClient() },
  });
  const finalize = () =>
    client.post(`${shop.url}/api/checkout/finalize`, {
      data: { checkoutSessionId: randomUUID(), items: [] },
    });
  for (let call = 1; call <= BUDGET; call++) expect((await finalize()).status()).toBe(400);
  const refused = await finalize();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(await refused.json()).toEqual({ error: expect.stringMatching(/^Too many requests/) });
  await client.dispose();
});

test("an unknown Checkout Session id costs one Amazon call, however often it comes back", async ({
  browser,
}) => {
  const context = await browserAs(browser);
  const page = await context.newPage();
  await page.goto(`${shop.url}/products/harbor-ceramic-mug`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  const unknown = randomUUID();
  const since = Date.now();
  for (let visit = 0; visit < 2; visit++) {
    await page.goto(`${shop.url}/checkout/review?amazonCheckoutSessionId=${unknown}`);
    await expect(page).toHaveURL(/\/cart\?checkout=session-unknown$/);
  }
  const { calls } = (await (await fetch(`${EMULATOR_URL}/__emulator/api-calls?since=${since}`)).json()) as {
    calls: { path: string }[];
  };
  expect(calls.filter((call) => call.path.includes(unknown))).toHaveLength(1);
  await context.close();
});

test("an IPN sender that hangs up mid-body raises no error in the server", async () => {
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(PORT, "127.0.0.1", () => {
      socket.write(
        `POST /api/amazon-pay/ipn HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n`,
      );
      socket.write(`{"Type":"Notification","MessageId":"${"x".repeat(80)}`);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 300);
    });
    socket.on("error", reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect((await fetch(`${shop.url}/`)).status).toBe(200);
  expect(shop.output()).not.toMatch(/aborted|ECONNRESET|uncaught|⨯/i);
});

test("a production server without Amazon Pay credentials refuses to start unless opted in", async () => {
  const expected = [
    "Refusing to start: this is a production server (NODE_ENV=production) and no Amazon Pay credentials are set",
    "set AMAZON_PAY_MERCHANT_ID, AMAZON_PAY_STORE_ID, AMAZON_PAY_PUBLIC_KEY_ID and AMAZON_PAY_PRIVATE_KEY (or AMAZON_PAY_PRIVATE_KEY_PATH)",
    "set ALLOW_EMULATOR_IN_PRODUCTION=true",
  ];
  const withoutOptIn = shopEnvironment(REFUSING_PORT, { ALLOW_EMULATOR_IN_PRODUCTION: "" });

  // The server itself (next start, as a platform would run it).
  await assertPortFree(REFUSING_PORT);
  const server = nextStart(REFUSING_PORT, withoutOptIn);
  expect(await server.exited).toBe(1);
  for (const line of expected) expect(server.output()).toContain(line);

  // `npm start`: the launcher says the same before it prepares the database or starts the emulator.
  const emulatorPort = String(REFUSING_PORT + 1000);
  const launcher = run(
    ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start"],
    { ...withoutOptIn, AMAZON_PAY_EMULATOR_PORT: emulatorPort },
    REFUSING_PORT,
  );
  expect(await launcher.exited).toBe(1);
  for (const line of expected) expect(launcher.output()).toContain(line);
  await assertPortFree(Number(emulatorPort));
  await assertPortFree(REFUSING_PORT);
});
