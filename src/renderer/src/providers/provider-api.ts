// The provider calls the settings screens make, in one place so each screen takes them as props.
import type { ProviderPresetView, Req } from '../../../shared/contract';
import { bridge } from '../bridge';

export const providerApi = {
  save: (input: Req<'providers:save'>) => bridge.invoke('providers:save', input),
  test: (probe: Req<'providers:test'>) => bridge.invoke('providers:test', probe),
  models: (probe: Req<'providers:models'>) => bridge.invoke('providers:models', probe),
  remove: (id: string) => bridge.invoke('providers:remove', { id }),
};

let presets: Promise<ProviderPresetView[]> | undefined;
/** Presets never change while the app runs: ask main once. */
export function loadPresets(): Promise<ProviderPresetView[]> {
  presets ??= bridge.invoke('providers:presets', undefined).catch((error: unknown) => {
    presets = undefined;
    throw error;
  });
  return presets;
}
