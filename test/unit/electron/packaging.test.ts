// The installer configuration, checked the way `npm run dist` would read it: electron-builder's
// own loader and its own JSON-schema validation (the tools that build installers cannot be
// downloaded here), plus the fuses the afterPack hook flips.
import { FuseV1Options } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import afterPack from '../../../build/after-pack.mjs';
import { fuseConfigFor } from '../../../build/fuses.mjs';

const root = join(import.meta.dirname, '../../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation, which does catch mistakes", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, ['nsiss' as 'nsis']: {} }, new DebugLogger(false))).rejects.toThrow(/unknown property 'nsiss'/);
  });

  it('builds Plume as app.plume.desktop: AppImage and deb, dmg, nsis', () => {
    expect(config.appId).toBe('app.plume.desktop');
    expect(config.productName).toBe('Plume');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('ships only the build output and package.json, and never an update feed', () => {
    expect(config.files).toEqual([{ filter: ['out/**', '!out/**/*.map', 'package.json'] }]);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('has a 512×512 PNG icon and the macOS entitlements it names', () => {
    for (const platform of [config.linux, config.mac, config.win]) expect(platform?.icon).toBe('build/icon.png');
    const png = readFileSync(join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(root, config.mac?.entitlements as string))).toBe(true);
  });

  it('runs `npm run dist` as a build followed by electron-builder', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/^npm run build && .*electron-builder$/);
    expect(config.afterPack).toBe('./build/after-pack.mjs');
  });
});

describe('fuses flipped after packing', () => {
  it('turns off Node-as-a-runtime, NODE_OPTIONS, --inspect and file:// privileges everywhere', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      const fuses = fuseConfigFor(platform) as unknown as Record<number, boolean>;
      expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
      expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    }
  });

  it('sets every fuse @electron/fuses knows, so none is left at its permissive default', () => {
    const fuses = fuseConfigFor('linux') as unknown as Record<number, boolean>;
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    for (const fuse of known) expect(typeof fuses[fuse], FuseV1Options[fuse]).toBe('boolean');
  });

  it('validates app.asar integrity on macOS and Windows, where electron-builder records the hash', () => {
    const integrity = (platform: string) => (fuseConfigFor(platform) as unknown as Record<number, boolean>)[FuseV1Options.EnableEmbeddedAsarIntegrityValidation];
    expect([integrity('darwin'), integrity('win32'), integrity('linux')]).toEqual([true, true, false]);
    expect(fuseConfigFor('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('the afterPack hook hands the platform fuse set to electron-builder', async () => {
    const calls: unknown[] = [];
    await afterPack({ electronPlatformName: 'win32', packager: { addElectronFuses: async (_context, fuses) => calls.push(fuses) } });
    expect(calls).toEqual([fuseConfigFor('win32')]);
  });
});
