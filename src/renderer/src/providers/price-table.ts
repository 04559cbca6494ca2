import type { PriceRow } from '../../../shared/settings';

let prices: readonly PriceRow[] = [];

/** The window's copy of the editable price table (settings screen); main keeps the real one. */
export function setPriceTable(rows: readonly PriceRow[]): void {
  prices = rows;
}

export function priceTable(): readonly PriceRow[] {
  return prices;
}
