// Where a restored window may go. Monitors come and go between runs (a laptop leaves its dock),
// so saved bounds are fitted onto the display they overlap most, or centred on the primary
// display when they overlap none, and never larger than that display's work area.
import type { Rectangle } from 'electron';

export interface MinSize {
  width: number;
  height: number;
}

export function fitOntoDisplays(saved: Rectangle, workAreas: readonly Rectangle[], min: MinSize): Rectangle | null {
  const primary = workAreas[0];
  if (!primary || ![saved.x, saved.y, saved.width, saved.height].every(Number.isFinite)) return null;

  let best: Rectangle | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }

  const area = best ?? primary;
  const width = Math.round(Math.min(Math.max(saved.width, min.width), area.width));
  const height = Math.round(Math.min(Math.max(saved.height, min.height), area.height));
  if (!best) {
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  }
  return {
    x: Math.round(clamp(saved.x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(saved.y, area.y, area.y + area.height - height)),
    width,
    height,
  };
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
