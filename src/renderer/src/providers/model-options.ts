// What the model picker lists for a search: recent choices first, then every provider's models,
// each option once, and a manual id when what was typed is not listed.
import type { ProviderView } from '../../../shared/contract';
import type { ModelChoice } from './recent-models';

export interface ModelOption extends ModelChoice {
  key: string;
  group: string;
  /** A typed id the provider did not list. */
  manual?: boolean;
}

export function modelOptions(
  query: string,
  providers: readonly ProviderView[],
  lists: ReadonlyMap<string, readonly string[]>,
  recent: readonly ModelChoice[],
  current: ProviderView | null,
): ModelOption[] {
  const q = query.trim().toLowerCase();
  const byId = new Map(providers.map((p) => [p.id, p]));
  const matches = (p: ProviderView, model: string) => q === '' || model.toLowerCase().includes(q) || p.name.toLowerCase().includes(q);
  const out: ModelOption[] = [];
  for (const c of recent) {
    const p = byId.get(c.providerId);
    if (p && matches(p, c.model)) out.push({ ...c, key: `recent:${c.providerId}:${c.model}`, group: 'Recent' });
  }
  for (const p of providers) {
    const models = new Set([p.model, ...(lists.get(p.id) ?? [])]);
    for (const model of [...models].sort((a, b) => a.localeCompare(b))) {
      if (matches(p, model)) out.push({ providerId: p.id, model, key: `${p.id}:${model}`, group: p.name });
    }
  }
  const typed = query.trim();
  const listed = current && (lists.get(current.id)?.includes(typed) || current.model === typed);
  if (current && typed !== '' && !listed) {
    out.push({ providerId: current.id, model: typed, key: `manual:${typed}`, group: `Other id for ${current.name}`, manual: true });
  }
  return out;
}
