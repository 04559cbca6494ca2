// Extra headers are typed as "Name: value" lines; main checks names and values again.

/** Undefined for an empty box (keep what is saved); throws with a sentence for a bad line. */
export function parseHeaderLines(text: string): Record<string, string> | undefined {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`"${line}" is not a header: write one "Name: value" per line.`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
