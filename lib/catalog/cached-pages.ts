// The pages served from the page cache (lib/catalog/page-cache-handler.mjs): the same HTML for
// every buyer, so nothing on them may depend on the buyer (the header's cart count is fetched by
// the browser). A POST to one of them is a server action and renders per request.

const CACHED_PAGE = /^\/(?:products\/[^/]+)?$/;

export function isCachedPageRequest(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && CACHED_PAGE.test(pathname);
}
