// Links in replies open in the system browser, and only after a click (the markdown renderer
// refuses anything but http, https and mailto before calling this). Remote images load through
// main, also only after a click.
import { bridge, runsInElectron } from '../../bridge';
import { setImageLoader, setLinkOpener } from '../../markdown';

export function installLinkOpener(): void {
  setImageLoader(async (url) => (await bridge.invoke('images:fetch', { url })).dataUrl);
  setLinkOpener((url) => {
    if (runsInElectron) void bridge.invoke('links:open', { url });
    else window.open(url, '_blank', 'noopener,noreferrer');
  });
}
