// Escaping for the text the HTML export writes around rendered markdown (titles, names, notes).
// Model markdown itself goes through markdown-to-html.ts, the window's own grammar.
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
