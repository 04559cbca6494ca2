import type { FuseV1Config } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook uses. */
export interface FuseHookContext {
  electronPlatformName: string;
  packager: { addElectronFuses(context: never, fuses: FuseV1Config): Promise<unknown> };
}

export default function afterPack(context: FuseHookContext): Promise<void>;
