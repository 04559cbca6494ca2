// Light or dark: follows the OS unless the user picked one. The resolved theme is written to
// <html data-theme> (and color-scheme, so form controls and scrollbars match); theme.css keys
// the palette off it.
import { commands } from './commands';
import { parseThemeChoice, resolveTheme, THEME_STORAGE_KEY, type ThemeChoice } from './theme-choice';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const theme = resolveTheme(choice, query().matches);
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.themeChoice = choice;
  document.documentElement.style.colorScheme = theme;
}

function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage can be unavailable; the choice then lasts for this session only.
  }
  apply(choice);
}

export function installTheme(): void {
  apply(readChoice());
  query().addEventListener('change', () => apply(readChoice()));
  commands.register('theme-system', () => setThemeChoice('system'));
  commands.register('theme-light', () => setThemeChoice('light'));
  commands.register('theme-dark', () => setThemeChoice('dark'));
}
