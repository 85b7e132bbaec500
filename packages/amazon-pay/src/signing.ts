// Amazon Pay API v2 request and button-payload signing (AMZN-PAY-RSASSA-PSS and -V2), and the
// matching verification used by the emulator. Pure functions on node:crypto; keys are passed in,
// never read here. One entry point for the modules under signing/.
export * from "./signing/algorithms";
export * from "./signing/amz-date";
export * from "./signing/authorization";
export * from "./signing/button-payload";
export * from "./signing/canonical-request";
export * from "./signing/signature";
