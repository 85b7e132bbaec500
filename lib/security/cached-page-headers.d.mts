export declare function publishCachedPageHeaders(headers: Record<string, string>): void;
export declare function cachedPageHeaders(): Readonly<Record<string, string>> | null;
