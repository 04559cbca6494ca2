// Browser mode's access token. The printed address carries it in the fragment (`#token=…`),
// which the browser never sends to any server; the page moves it to sessionStorage (so a reload
// in this tab keeps working, and no other origin or tab can read it) and clears the address bar.

const STORAGE_KEY = 'plume-token';

let token: string | null | undefined;

export function accessToken(): string | null {
  if (token !== undefined) return token;
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromFragment) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromFragment);
    } catch {
      // Storage refused (private mode quotas): the token still lives in memory for this page.
    }
    history.replaceState(null, '', window.location.pathname + window.location.search);
    token = fromFragment;
  } else {
    token = readStored();
  }
  return token;
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
