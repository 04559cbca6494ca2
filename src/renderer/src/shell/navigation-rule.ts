// The app is one page: nothing may replace it with another site. Same-origin navigations (a
// reload, a fragment) are fine.
export function blocksNavigation(destination: string, ownOrigin: string): boolean {
  try {
    const url = new URL(destination);
    // An export download is a blob: URL minted by this page; its origin is the page's own.
    if (url.protocol === 'blob:') return url.origin !== ownOrigin;
    // WHATWG gives opaque origins ("null") to custom schemes; compare scheme and host instead.
    return `${url.protocol}//${url.host}` !== ownOrigin;
  } catch {
    return true;
  }
}
