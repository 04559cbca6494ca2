// Provider names by id, for labelling each reply with who wrote it without passing the provider
// list through every message row.
import { createContext, useContext } from 'react';

export const ProviderNames = createContext<ReadonlyMap<string, string>>(new Map());

export function useProviderName(id: string | undefined): string | undefined {
  const names = useContext(ProviderNames);
  return id ? names.get(id) : undefined;
}
