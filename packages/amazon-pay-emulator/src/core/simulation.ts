// x-amz-pay-simulation-code: the codes each operation accepts. Confirmed and secondary
// Amazon codes are used as documented; behaviours Amazon does not document live in the
// "Emulator:" namespace so that no Amazon-looking code is invented. Anything else, or a code on
// an operation that does not take it, is 400 InvalidSandboxSimulationSpecified.
import { invalidSimulation } from "./api-error";

export const OPERATIONS = [
  "createCheckoutSession",
  "getCheckoutSession",
  "updateCheckoutSession",
  "completeCheckoutSession",
  "finalizeCheckoutSession",
  "getChargePermission",
  "updateChargePermission",
  "closeChargePermission",
  "createCharge",
  "getCharge",
  "captureCharge",
  "cancelCharge",
  "createRefund",
  "getRefund",
  "getBuyer",
  "createDeliveryTracker",
  "getReports",
  "getReportById",
  "getReportDocument",
  "createReport",
  "getReportSchedules",
  "getReportScheduleById",
  "createReportSchedule",
  "cancelReportSchedule",
  "getDispute",
  "updateDispute",
  "contestDispute",
  "uploadFile",
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Checkout-time outcomes (Update stores the code for the processing step; Complete/Finalize apply it). */
export const CHECKOUT_SIMULATIONS = [
  "BuyerCanceled",
  "AmazonCanceled",
  "Declined",
  "AuthorizationInitiated",
] as const;
/** Create Charge: synchronous declines (asynchronous with canHandlePendingAuthorization), async capture, pending approval. */
export const CHARGE_SIMULATIONS = [
  "SoftDeclined",
  "HardDeclined",
  "AmazonRejected",
  "TransactionTimedOut",
  "CaptureInitiated",
  "Emulator:ProcessingFailure",
  "Emulator:AuthorizationPending",
] as const;
/** Capture Charge: asynchronous capture that succeeds, or that ends Declined/AmazonRejected. */
export const CAPTURE_SIMULATIONS = ["CaptureInitiated", "AmazonRejected"] as const;
export const CLOSE_SIMULATIONS = ["AmazonClosed"] as const;
export const REFUND_SIMULATIONS = ["Emulator:RefundDeclined", "Emulator:RefundProcessingFailure"] as const;

const BY_OPERATION: Partial<Record<Operation, readonly string[]>> = {
  updateCheckoutSession: CHECKOUT_SIMULATIONS,
  completeCheckoutSession: CHECKOUT_SIMULATIONS,
  finalizeCheckoutSession: CHECKOUT_SIMULATIONS,
  createCharge: CHARGE_SIMULATIONS,
  captureCharge: CAPTURE_SIMULATIONS,
  closeChargePermission: CLOSE_SIMULATIONS,
  createRefund: REFUND_SIMULATIONS,
};

export const ALL_SIMULATION_CODES: readonly string[] = [...new Set(Object.values(BY_OPERATION).flat())];

export function simulationCodesFor(operation: Operation): readonly string[] {
  return BY_OPERATION[operation] ?? [];
}

/** The validated simulation code of a request, or null when none was sent. */
export function parseSimulationCode(operation: Operation, header: string | undefined): string | null {
  if (header === undefined) return null;
  const code = header.trim();
  if (code === "") throw invalidSimulation("The x-amz-pay-simulation-code header is empty.");
  const allowed = simulationCodesFor(operation);
  if (!allowed.includes(code)) {
    const known = ALL_SIMULATION_CODES.includes(code);
    throw invalidSimulation(
      known
        ? `Simulation code [${code}] does not apply to ${operation}${allowed.length ? `; it accepts: ${allowed.join(", ")}` : ""}.`
        : `Unknown simulation code [${code}]${allowed.length ? `; ${operation} accepts: ${allowed.join(", ")}` : `; ${operation} accepts none`}.`,
    );
  }
  return code;
}
