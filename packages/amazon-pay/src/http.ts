// The HTTP layer of the client: the transport, its retry policy and the log entries it emits.
export * from "./http/log-entry";
export * from "./http/method";
export * from "./http/retry-policy";
export * from "./http/transport";
