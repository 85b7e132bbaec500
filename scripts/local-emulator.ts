// Starts (or reuses) the local Amazon Pay emulator as a separate process and registers the
// shop's merchant key and IPN URL with it. Used by the launcher and the e2e setup.
import { spawn, type ChildProcess } from "node:child_process";
import type { LocalMerchant } from "@/lib/amazon-pay/local-merchant";

export interface EmulatorProcess {
  /** The process we started, or null when an emulator was already listening. */
  child: ChildProcess | null;
}

async function isUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/__emulator/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the local Amazon Pay emulator exited with code ${child.exitCode}`);
    if (await isUp(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the local Amazon Pay emulator did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function registerMerchant(url: string, merchant: LocalMerchant, ipnUrl: string): Promise<void> {
  const response = await fetch(`${url}/__emulator/merchants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      publicKeyId: merchant.publicKeyId,
      publicKey: merchant.publicKeyPem,
      merchantId: merchant.merchantId,
      storeId: merchant.storeId,
      ipnUrl,
    }),
  });
  if (!response.ok)
    throw new Error(
      `registering the shop with the emulator failed: ${response.status} ${await response.text()}`,
    );
}

export async function startEmulatorProcess(options: {
  url: string;
  merchant: LocalMerchant;
  ipnUrl: string;
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<EmulatorProcess> {
  let child: ChildProcess | null = null;
  if (!(await isUp(options.url))) {
    const { hostname, port } = new URL(options.url);
    child = spawn(
      process.execPath,
      ["node_modules/@storefront/amazon-pay-emulator/bin/amazon-pay-emulator.mjs"],
      {
        stdio: options.quiet ? "ignore" : "inherit",
        env: {
          ...process.env,
          ...options.env,
          AMAZON_PAY_EMULATOR_HOST: hostname,
          AMAZON_PAY_EMULATOR_PORT: port,
        },
      },
    );
    await waitUntilUp(options.url, child, 60_000); // a minute: the e2e runs start it on a busy machine
  }
  await registerMerchant(options.url, options.merchant, options.ipnUrl);
  return { child };
}
