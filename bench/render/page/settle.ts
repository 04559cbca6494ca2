import { mathReady } from '../../../src/renderer/src/markdown/math.ts';

/**
 * Resolves when every code block in `root` is highlighted (or known plain) and KaTeX is in. For a
 * message whose reply has ended: a growing block can be all lit for a moment mid-stream.
 */
export async function settled(root: HTMLElement, hasMath: boolean): Promise<void> {
  if (hasMath) await mathReady();
  for (let i = 0; i < 600; i++) {
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    const busy = root.querySelector('[data-highlight="pending"]');
    const rawMath = root.querySelector('code.language-math, .math-pending');
    // A long paragraph settled mid-reply, still shown as the pieces it streamed as (Block.tsx).
    const settling = root.querySelector('.md-settling');
    if (!busy && !rawMath && !settling) return;
  }
  throw new Error('render did not settle in 600 frames');
}

/**
 * innerHTML with whitespace-only text nodes between top-level blocks removed, and the groups a
 * streamed message holds its blocks in (boxes the browser skips off screen, no content) unwrapped.
 */
export function normalizedHtml(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  for (const group of clone.querySelectorAll(':scope > .md-group')) group.replaceWith(...group.childNodes);
  for (const node of [...clone.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '') node.remove();
  }
  return clone.innerHTML;
}
