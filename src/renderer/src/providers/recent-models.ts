// The models last chosen, newest first, kept in localStorage so the picker can offer them first.
export interface ModelChoice {
  providerId: string;
  model: string;
}

const KEY = 'plume.recentModels';
const KEEP = 5;

export function recentModels(): ModelChoice[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is ModelChoice => typeof c?.providerId === 'string' && typeof c?.model === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberModel(choice: ModelChoice): void {
  const rest = recentModels().filter((c) => c.providerId !== choice.providerId || c.model !== choice.model);
  try {
    localStorage.setItem(KEY, JSON.stringify([choice, ...rest].slice(0, KEEP)));
  } catch {
    // Storage can be unavailable; the picker then simply has no recent group.
  }
}
