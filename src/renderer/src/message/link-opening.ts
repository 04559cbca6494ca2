// Links in replies open in the system browser, and only after a click (the markdown renderer
// refuses anything but http, https and mailto before calling this).
import { bridge, runsInElectron } from '../bridge';
import { setLinkOpener } from '../markdown';

export function installLinkOpener(): void {
  setLinkOpener((url) => {
    if (runsInElectron) void bridge.invoke('links:open', { url });
    else window.open(url, '_blank', 'noopener,noreferrer');
  });
}
