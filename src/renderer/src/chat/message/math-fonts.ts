// KaTeX's stylesheet declares its fonts with font-display: block, and the browser fetches a face
// only when a formula first uses it. A formula typeset before its fonts arrive is laid out with
// fallback metrics, then moves inside its box when they do (the e2e layout-shift test caught the
// superscript rows of `e^{i\pi}` dropping by a pixel or two). Fetching every face once, in the
// first idle moment after start, means formulas are laid out with their own fonts from the start.
const FACES = [
  'KaTeX_Main',
  'italic KaTeX_Main',
  'bold KaTeX_Main',
  'italic bold KaTeX_Main',
  'italic KaTeX_Math',
  'italic bold KaTeX_Math',
  'KaTeX_AMS',
  'KaTeX_Size1',
  'KaTeX_Size2',
  'KaTeX_Size3',
  'KaTeX_Size4',
  'KaTeX_Caligraphic',
  'bold KaTeX_Caligraphic',
  'KaTeX_Fraktur',
  'bold KaTeX_Fraktur',
  'KaTeX_SansSerif',
  'italic KaTeX_SansSerif',
  'bold KaTeX_SansSerif',
  'KaTeX_Script',
  'KaTeX_Typewriter',
];

export function warmMathFonts(): void {
  if (typeof document === 'undefined' || !document.fonts) return;
  const load = () => {
    // `style weight size family`: a face missing from the stylesheet just resolves to nothing.
    for (const face of FACES) {
      const [family = '', ...styles] = face.split(' ').reverse();
      void document.fonts.load(`${styles.reverse().join(' ')} 16px ${family}`).catch(() => undefined);
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 0);
}
