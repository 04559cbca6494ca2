// Links never navigate the app window: a click hands the URL to whatever the app wires here (its
// bridge to the system browser). Until then a click does nothing, which is the safe default.
type LinkOpener = (url: string) => void;

let opener: LinkOpener = () => {};

export function setLinkOpener(fn: LinkOpener): void {
  opener = fn;
}

export function openLink(url: string): void {
  opener(url);
}
