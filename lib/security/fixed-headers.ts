// Security headers that depend on nothing, so next.config.ts can bake them into the build for
// static files (this module imports nothing: next.config.ts resolves no "@/" paths).
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=()",
  // Amazon Pay may open its sign-in in a popup that reports back to this window.
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
};
