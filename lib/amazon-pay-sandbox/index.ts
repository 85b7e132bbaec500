// The local Amazon Pay sandbox: start it in-process with startSandbox(), or run
// scripts/sandbox.ts (npm run sandbox). See README.md.
export { startSandbox, type RunningSandbox, type StartSandboxOptions } from "./http/server";
export { Sandbox } from "./sandbox";
export { DEFAULT_CONFIG, type SandboxConfig, type ConfigPatch } from "./core/config";
export type { MerchantRecord, MerchantRegistration } from "./core/merchants";
export { TEST_BUYERS, TEST_INSTRUMENTS } from "./core/test-buyers";
export { ALL_SIMULATION_CODES } from "./core/simulation";
