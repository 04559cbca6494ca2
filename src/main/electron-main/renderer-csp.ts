// The Content-Security-Policy header of every plume://app/ response. The page needs nothing from
// the network: replies arrive on MessagePorts, so there is no remote origin anywhere in it.
// Remote images in replies are blocked too: an image URL written by a model could carry
// conversation text to a third party.
export function rendererCsp(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React's style props and KaTeX's layout are inline style attributes; they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
