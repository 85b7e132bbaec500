// What every API operation receives and returns.
import type { MerchantRecord } from "../core/merchants";
import type { Emulator } from "../emulator";

export interface OpContext {
  sb: Emulator;
  merchant: MerchantRecord;
  /** The validated x-amz-pay-simulation-code of the request. */
  simulationCode: string | null;
}

export interface OpResult {
  status: number;
  body: unknown;
}
