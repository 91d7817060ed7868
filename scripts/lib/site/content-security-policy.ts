// The Content-Security-Policy every page carries (as a meta tag, so it works on any static
// host): the site's own scripts, styles, fonts and images only; WebAssembly for Pagefind;
// no inline script, no plugins, no other origins.

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
