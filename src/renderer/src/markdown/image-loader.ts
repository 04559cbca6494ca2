// Remote images never load straight into the page (its CSP allows no remote origin). When the
// reader clicks a placeholder, the app's loader fetches the image through main and hands back a
// data: URL. Until one is wired, loading fails safely.
type ImageLoader = (url: string) => Promise<string>;

let loader: ImageLoader = () => Promise.reject(new Error('Images cannot be loaded here.'));

export function setImageLoader(fn: ImageLoader): void {
  loader = fn;
}

export function loadImage(url: string): Promise<string> {
  return loader(url);
}
