// Bounding-box checks a person would notice as a broken layout: the page scrolling sideways, a
// control cut off at the window edge, a header wrapping onto a second row.
import type { Page } from 'playwright';

/** Controls and headings that stick out of the window (outside sideways-scrolling content). */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.scrollingElement && document.scrollingElement.scrollWidth > width + 1) {
      problems.push(`page scrolls sideways: ${document.scrollingElement.scrollWidth} > ${width}`);
    }
    const scrollsSideways = (el: Element) => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && node.scrollWidth > node.clientWidth) return true;
      }
      return false;
    };
    const selector = 'button, input:not([type=file]), textarea, select, h1, h2, [role=option], [role=menuitem], [role=dialog], nav';
    for (const el of document.querySelectorAll(selector)) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.visually-hidden')) continue;
      if ((rect.left < -1 || rect.right > width + 1) && !scrollsSideways(el)) {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
        problems.push(`${el.tagName.toLowerCase()} “${name}” spans ${Math.round(rect.left)}–${Math.round(rect.right)} in a ${width} px window`);
      }
    }
    return problems;
  });
}

/** Children of the header row that do not sit within its single row. */
export function headerRowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('header.app-header');
    if (!header) return ['no header'];
    const box = header.getBoundingClientRect();
    const problems: string[] = [];
    if (box.height > 56) problems.push(`header is ${Math.round(box.height)} px tall`);
    for (const child of header.children) {
      const rect = child.getBoundingClientRect();
      if (rect.height === 0) continue;
      if (rect.top < box.top - 1 || rect.bottom > box.bottom + 1) problems.push(`${child.className || child.tagName} is outside the header row`);
    }
    return problems;
  });
}
