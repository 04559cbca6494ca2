// The Electron fuses of the packaged app, as data. Fuses are bits in the Electron binary flipped
// before signing, so a shipped Plume cannot be turned into a general Node runtime, attached to a
// debugger or made to load code from outside its own app.asar.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Fuses set the same way on every platform, by their @electron/fuses name. */
export const COMMON_FUSES = {
  // ELECTRON_RUN_AS_NODE would make the signed binary run any script; Plume never forks.
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The renderer is served from plume://, never from file://.
  GrantFileProtocolExtraPrivileges: false,
};

/**
 * electron-builder records app.asar's hash only on macOS and Windows, the platforms where
 * Electron checks it; turning the check on elsewhere would validate against nothing.
 */
export const ASAR_INTEGRITY_PLATFORMS = ['darwin', 'mas', 'win32'];

/** The @electron/fuses config for one electron-builder platform name (darwin, mas, win32, linux). */
export function fuseConfigFor(platform) {
  const config = {
    version: FuseVersion.V1,
    // Flipping fuses breaks an ad-hoc signature; electron-builder signs again right after.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
  };
  for (const [name, value] of Object.entries(COMMON_FUSES)) config[FuseV1Options[name]] = value;
  config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] = ASAR_INTEGRITY_PLATFORMS.includes(platform);
  return config;
}
