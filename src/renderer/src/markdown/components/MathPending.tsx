// Display math ($$…$$) before KaTeX typesets it: its TeX, centred in the same box the typeset
// formula gets (markdown.css gives both the same margins and reserved height), so swapping one
// for the other moves nothing below it. Shown as a code block it was ~50 px taller.
export function MathPending({ tex }: { tex: string }) {
  return (
    <div className="math-pending" data-testid="math-pending">
      <span>{tex}</span>
    </div>
  );
}

/**
 * Display math as remark-rehype hands it to `pre`: remark-math's `$$` block (`<code
 * class="language-math math-display">`), or a ```math fence (`language-math`), which KaTeX
 * typesets the same way.
 */
export function isDisplayMath(className: unknown): boolean {
  return Array.isArray(className) && className.includes('language-math');
}
