// Picks the bridge for where the page runs: the Electron preload's global, or browser mode's host.
import type { PlumeBridge } from '../../../shared/contract';
import { electronBridge, type PreloadGlobal } from './electron-bridge';
import { webBridge } from './web-bridge';

declare global {
  interface Window {
    plume?: PreloadGlobal;
  }
}

export const bridge: PlumeBridge = window.plume ? electronBridge(window.plume) : webBridge();
export const runsInElectron = window.plume !== undefined;
export { BridgeError } from './errors';
