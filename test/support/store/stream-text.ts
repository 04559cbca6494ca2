// The deterministic text the crash-test child streams, so the parent knows what is correct.
export function tokenAt(i: number): string {
  return `w${i} `;
}

export function textOf(tokens: number): string {
  let s = '';
  for (let i = 0; i < tokens; i++) s += tokenAt(i);
  return s;
}
