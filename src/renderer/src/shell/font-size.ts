// The window's text size: small, medium or large. Every size in the window is in rem, so one
// attribute on <html> scales it all; kept in localStorage like the theme.
export type FontSize = 'small' | 'medium' | 'large';
const KEY = 'plume.fontSize';

export function fontSize(): FontSize {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'small' || stored === 'large' ? stored : 'medium';
  } catch {
    return 'medium';
  }
}

export function setFontSize(size: FontSize): void {
  try {
    if (size === 'medium') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, size);
  } catch {
    // Storage unavailable: the size lasts for this session only.
  }
  apply(size);
}

function apply(size: FontSize): void {
  if (size === 'medium') delete document.documentElement.dataset.fontSize;
  else document.documentElement.dataset.fontSize = size;
}

export function installFontSize(): void {
  apply(fontSize());
}
