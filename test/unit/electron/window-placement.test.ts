// A restored window always lands where the user can see and grab it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitOntoDisplays } from '../../../src/main/electron-main/window-bounds';
import { MIN_WINDOW_SIZE } from '../../../src/main/electron-main/window-options';
import { loadWindowState, saveWindowState } from '../../../src/main/electron-main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 }; // work area below a menu bar/dock
const leftMonitor = { x: -1920, y: -200, width: 1920, height: 1040 };
const fit = (bounds: { x: number; y: number; width: number; height: number }, areas = [laptop]) => fitOntoDisplays(bounds, areas, MIN_WINDOW_SIZE);

describe('fitting saved bounds onto displays', () => {
  it('keeps a window that is fully visible exactly where it was', () => {
    expect(fit({ x: 100, y: 50, width: 1000, height: 700 })).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(fit({ x: -1800, y: -150, width: 1200, height: 800 }, [laptop, leftMonitor])).toEqual({ x: -1800, y: -150, width: 1200, height: 800 });
  });

  it('pulls a window hanging off an edge back onto its display', () => {
    expect(fit({ x: 1000, y: 600, width: 1000, height: 700 })).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
    expect(fit({ x: -300, y: -100, width: 800, height: 600 })).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    expect(fit({ x: -1800, y: -150, width: 1200, height: 800 }, [laptop])).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('shrinks a window bigger than the display it lands on, but not below the minimum size', () => {
    expect(fit({ x: -1900, y: -190, width: 1900, height: 1000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    expect(fit({ x: 10, y: 10, width: 100, height: 80 })).toEqual({ x: 10, y: 10, ...MIN_WINDOW_SIZE });
  });

  it('chooses the display the window overlaps most', () => {
    const placed = fit({ x: -600, y: 100, width: 1000, height: 600 }, [laptop, leftMonitor]);
    expect(placed).toEqual({ x: -1000, y: 100, width: 1000, height: 600 });
  });

  it('gives up on nonsense instead of placing a window nowhere', () => {
    expect(fit({ x: Number.NaN, y: 0, width: 800, height: 600 })).toBeNull();
    expect(fitOntoDisplays({ x: 0, y: 0, width: 800, height: 600 }, [], MIN_WINDOW_SIZE)).toBeNull();
  });
});

describe('window state file', () => {
  it('round-trips bounds and maximized, and reads a damaged file as no saved state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plume-window-'));
    try {
      expect(await loadWindowState(dir)).toBeNull();
      saveWindowState(dir, { bounds: { x: 5, y: 6, width: 700, height: 500 }, maximized: true });
      expect(await loadWindowState(dir)).toEqual({ bounds: { x: 5, y: 6, width: 700, height: 500 }, maximized: true });
      writeFileSync(join(dir, 'window-state.json'), '{"bounds": {"x": "left"}, "maximized": false}');
      expect(await loadWindowState(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
