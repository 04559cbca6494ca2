// What the window does when its page tries to leave or to open another window. The page never
// navigates itself away and never gets a second Electron window; web and mail links go to the
// system browser, which is where a user expects them.
import { safeExternalUrl } from '../services/plume-service';

export interface WindowOpenDecision {
  action: 'deny';
  /** A link to hand to the system browser, or null to drop the request. */
  openExternally: string | null;
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: safeExternalUrl(url) };
}

