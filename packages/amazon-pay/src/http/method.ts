// The HTTP methods the Amazon Pay API uses.
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
