// An error's detail is worth a second line only for what its message does not already say.

/** The sentences of `detail` that `message` does not already say; null when none are left. */
export function newDetail(message: string, detail: string | undefined): string | null {
  if (!detail) return null;
  const said = message.toLowerCase();
  const sentences = detail.match(/[^.!?]+[.!?]*/g) ?? [];
  const fresh = sentences.map((s) => s.trim()).filter((s) => s !== '' && !said.includes(s.toLowerCase().replace(/[.!?]+$/, '')));
  return fresh.length ? fresh.join(' ') : null;
}
