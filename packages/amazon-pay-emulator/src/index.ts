// The local Amazon Pay emulator: start it in-process with startEmulator(), or run
// its bin, amazon-pay-emulator (npm run emulator in the shop). See README.md.
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "./http/server";
export { Emulator } from "./emulator";
export { DEFAULT_CONFIG, type EmulatorConfig, type ConfigPatch } from "./core/config";
export type { MerchantRecord, MerchantRegistration } from "./core/merchants";
export { buyersOf, TEST_BUYERS, TEST_INSTRUMENTS } from "./core/test-buyers";
export { ALL_SIMULATION_CODES } from "./core/simulation";
