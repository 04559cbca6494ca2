// electron-builder afterPack hook: flips the fuses in the freshly copied Electron binary. It runs
// before electron-builder signs the app, which is the order fuses require.
import { fuseConfigFor } from './fuses.mjs';

export default async function afterPack(context) {
  // packager.addElectronFuses knows the executable's name and extension on each platform.
  await context.packager.addElectronFuses(context, fuseConfigFor(context.electronPlatformName));
}
