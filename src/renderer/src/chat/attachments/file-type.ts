// What kind of file a chip holds, from its name: "PY" on the chip, "Python" for a reader. A text
// file's bytes say only that it is text; its extension says what a person calls it.

const NAMED: Record<string, string> = {
  py: 'Python', js: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript', jsx: 'JavaScript (JSX)', ts: 'TypeScript', tsx: 'TypeScript (TSX)',
  md: 'Markdown', markdown: 'Markdown', txt: 'Plain text', json: 'JSON', jsonl: 'JSON Lines', yaml: 'YAML', yml: 'YAML', toml: 'TOML',
  xml: 'XML', html: 'HTML', htm: 'HTML', css: 'CSS', scss: 'SCSS', csv: 'CSV', tsv: 'TSV', sql: 'SQL', sh: 'Shell script', bash: 'Shell script',
  zsh: 'Shell script', ps1: 'PowerShell', rs: 'Rust', go: 'Go', java: 'Java', kt: 'Kotlin', swift: 'Swift', c: 'C', h: 'C header', cpp: 'C++',
  cc: 'C++', hpp: 'C++ header', cs: 'C#', rb: 'Ruby', php: 'PHP', lua: 'Lua', r: 'R', dart: 'Dart', scala: 'Scala', ex: 'Elixir',
  exs: 'Elixir', hs: 'Haskell', ini: 'INI', cfg: 'Config', conf: 'Config', env: 'Environment', log: 'Log', tex: 'LaTeX', svg: 'SVG',
  vue: 'Vue', svelte: 'Svelte', ipynb: 'Jupyter notebook', pdf: 'PDF', png: 'PNG image', jpg: 'JPEG image', jpeg: 'JPEG image',
  webp: 'WebP image', gif: 'GIF image',
};

/** The short label a chip shows (at most 4 characters) and the name a screen reader hears. */
export function fileType(name: string, kind: 'image' | 'text' | 'pdf'): { label: string; name: string } {
  if (kind === 'pdf') return { label: 'PDF', name: 'PDF' };
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (kind === 'image') return { label: ext.toUpperCase().slice(0, 4) || 'IMG', name: NAMED[ext] ?? 'Image' };
  if (ext === 'md' || ext === 'markdown') return { label: 'MD', name: 'Markdown' };
  if (!ext || !/^[a-z0-9+]{1,8}$/.test(ext)) return { label: 'TXT', name: 'Plain text' };
  return { label: ext.toUpperCase().slice(0, 4), name: NAMED[ext] ?? `${ext.toUpperCase()} file` };
}
