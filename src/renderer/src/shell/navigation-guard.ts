// Cancels page-initiated navigations away from the app with the Navigation API. Electron's main
// process refuses them too (will-navigate); this covers browser mode, where only the page can.
import { blocksNavigation } from './navigation-rule';

interface NavigateEventLike extends Event {
  cancelable: boolean;
  destination: { url: string };
}

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void;
}

export function installNavigationGuard(): void {
  const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
  if (!navigation) return;
  const own = `${location.protocol}//${location.host}`;
  navigation.addEventListener('navigate', (event) => {
    if (event.cancelable && blocksNavigation(event.destination.url, own)) event.preventDefault();
  });
}
