export interface CachedValue {
  kind: string;
  html?: string;
  headers?: Record<string, string | string[] | undefined>;
  status?: number;
  [field: string]: unknown;
}

export interface CacheEntry {
  value: CachedValue | null;
  lastModified: number;
  cacheControl?: unknown;
}

export interface PageCacheContext {
  maxMemoryCacheSize?: number;
  _requestHeaders?: Record<string, string | string[] | undefined>;
}

export default class PageCacheHandler {
  constructor(ctx?: PageCacheContext);
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<CacheEntry | null>;
  set(
    key: string,
    data: CachedValue | null,
    ctx?: { tags?: string[]; cacheControl?: unknown },
  ): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
