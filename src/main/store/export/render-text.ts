// Model text (Markdown) to safe HTML for the HTML export. Deliberately small: fenced code is
// highlighted, inline code is marked, everything else keeps its line breaks as plain text.
// Every character of model text passes through `escapeHtml` or highlight.js (which escapes).
import hljs from 'highlight.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

function highlight(code: string, lang: string): string {
  const known = lang && hljs.getLanguage(lang) ? lang : null;
  const body = known ? hljs.highlight(code, { language: known, ignoreIllegals: true }).value : escapeHtml(code);
  const label = lang ? `<div class="lang">${escapeHtml(lang)}</div>` : '';
  return `<figure class="code">${label}<pre><code class="hljs">${body}</code></pre></figure>`;
}

function prose(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim().length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/`([^`\n]+)`/g, '<code>$1</code>')}</p>`)
    .join('\n');
}

export function renderText(text: string): string {
  const html: string[] = [];
  let plain: string[] = [];
  let code: string[] | null = null;
  let fence = '';
  let lang = '';
  for (const line of text.split('\n')) {
    if (code === null) {
      const open = FENCE.exec(line);
      if (open) {
        html.push(prose(plain.join('\n')));
        plain = [];
        code = [];
        fence = open[1] ?? '```';
        lang = (open[2] ?? '').toLowerCase();
      } else plain.push(line);
    } else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') {
      html.push(highlight(code.join('\n'), lang));
      code = null;
    } else code.push(line);
  }
  // An unclosed fence (a reply cut off mid-block) still shows as code.
  if (code !== null) html.push(highlight(code.join('\n'), lang));
  html.push(prose(plain.join('\n')));
  return html.filter(Boolean).join('\n');
}
