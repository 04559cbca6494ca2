// Deterministic delta traces: model-sized tokens (1–7 characters, about 4 on average) or bursts of
// about 85 characters, the way some providers batch their stream.

export function tokenDeltas(text: string, seed = 1): string[] {
  return cut(text, seed, 1, 7);
}

export function burstDeltas(text: string, seed = 2): string[] {
  return cut(text, seed, 60, 110);
}

function cut(text: string, seed: number, min: number, max: number): string[] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = min + Math.floor(next() * (max - min + 1));
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}
