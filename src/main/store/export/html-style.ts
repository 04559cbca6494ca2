// Inline styles for the HTML export: one file that reads well on screen and prints cleanly
// (the shell turns this same page into PDF with printToPDF).
export const HTML_STYLE = `
:root { color-scheme: light; --fg: #1d1f23; --muted: #646a73; --line: #e3e5e8; --code-bg: #f5f6f8; --you: #eef3fd; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; color: var(--fg); background: #fff;
  font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
article.conversation + article.conversation { margin-top: 3rem; border-top: 2px solid var(--line); padding-top: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1.5rem; color: var(--muted); font-size: .85rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
section.message { padding: .75rem 1rem; margin: .75rem 0; border: 1px solid var(--line); border-radius: 8px; }
section.message.user { background: var(--you); border-color: #d5e0f7; }
section.message > h2 { display: inline; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0; }
p.message-meta { display: inline; margin: 0 0 0 .5rem; font-size: .78rem; color: var(--muted); }
p { margin: .5rem 0; overflow-wrap: anywhere; }
.md h1, .md h2, .md h3, .md h4, .md h5, .md h6 { display: block; text-transform: none; letter-spacing: 0; color: var(--fg); line-height: 1.3; margin: 1rem 0 .4rem; }
.md h1 { font-size: 1.4rem; } .md h2 { font-size: 1.2rem; } .md h3 { font-size: 1.05rem; } .md h4, .md h5, .md h6 { font-size: .95rem; }
.md ul, .md ol { padding-left: 1.5rem; margin: .4rem 0; }
.md li.task-list-item { list-style: none; margin-left: -1.25rem; }
.md blockquote { margin: .6rem 0; padding: .1rem 0 .1rem .9rem; border-left: 3px solid var(--line); color: var(--muted); }
.md table { border-collapse: collapse; margin: .6rem 0; display: block; overflow-x: auto; max-width: 100%; }
.md th, .md td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
.md th { background: var(--code-bg); }
.md a { color: #1f5fbf; overflow-wrap: anywhere; }
.md hr { border: 0; border-top: 1px solid var(--line); margin: 1rem 0; }
.md img { max-width: 100%; }
.md .md-image-remote { display: inline-block; padding: .15em .5em; border: 1px dashed #b8bcc3; border-radius: 4px; font-size: .9em; }
.md .md-image-label { font-weight: 600; }
.md .katex-display { overflow-x: auto; overflow-y: hidden; padding: .2rem 0; }
.md section.footnotes { font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); margin-top: 1rem; }
.md .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.md-code { margin: .6rem 0; border: 1px solid var(--line); border-radius: 6px; background: var(--code-bg); }
.md-code-header { font-size: .72rem; color: var(--muted); padding: .3rem .75rem 0; }
code { font: .88em/1.5 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; background: var(--code-bg); padding: .05em .3em; border-radius: 4px; }
pre { margin: 0; padding: .6rem .75rem; overflow-x: auto; }
pre code { background: none; padding: 0; white-space: pre; }
details.reasoning { margin: .25rem 0 .6rem; color: var(--muted); border-left: 3px solid var(--line); padding-left: .75rem; }
details.reasoning summary { cursor: pointer; font-size: .85rem; }
.attachments { display: flex; flex-wrap: wrap; gap: .5rem; margin: .25rem 0 .5rem; }
figure.attachment { margin: 0; max-width: 100%; }
figure.attachment img { display: block; max-width: 100%; height: auto; border-radius: 6px; border: 1px solid var(--line); }
figure.attachment figcaption, details.attachment summary, p.attachment { font-size: .8rem; color: var(--muted); }
details.attachment { flex-basis: 100%; }
p.note { font-size: .85rem; color: #8a5a00; font-style: italic; }
.hljs-keyword, .hljs-selector-tag, .hljs-built_in { color: #8b2fc9; }
.hljs-string, .hljs-regexp, .hljs-addition { color: #207a3c; }
.hljs-number, .hljs-literal, .hljs-symbol { color: #b35400; }
.hljs-comment, .hljs-quote { color: #7b818a; font-style: italic; }
.hljs-title, .hljs-section, .hljs-name { color: #1f5fbf; }
.hljs-attr, .hljs-attribute, .hljs-variable, .hljs-template-variable, .hljs-params { color: #8f3b3b; }
.hljs-type, .hljs-meta, .hljs-selector-class { color: #0f7280; }
.hljs-deletion { color: #b3261e; }
@page { margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section.message { break-inside: auto; border-color: #ccc; }
  section.message > h2, h1, .md h1, .md h2, .md h3 { break-after: avoid; }
  .md-code, p, tr, .katex-display { break-inside: avoid; }
  .md a[href^="http"]:not(.md-image-link)::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
  /* Long lines wrap on paper instead of being cut at the page edge. */
  pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
  /* Reasoning prints even though it is folded on screen (where the engine supports it). */
  details.reasoning::details-content { content-visibility: visible; display: block; }
}
`;
