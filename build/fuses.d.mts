import type { FuseV1Config, FuseV1Options } from '@electron/fuses';

export declare const COMMON_FUSES: Readonly<Partial<Record<keyof typeof FuseV1Options, boolean>>>;
export declare const ASAR_INTEGRITY_PLATFORMS: readonly string[];
export declare function fuseConfigFor(platform: string): FuseV1Config;
