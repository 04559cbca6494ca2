// A provisional title from the first exchange, good enough until the user renames it or a
// model-written title arrives through `conversations.setAutoTitle`.
const MAX = 60;

export function titleFromFirstExchange(userText: string): string {
  const firstLine =
    userText
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0 && !l.startsWith('```')) ?? '';
  // Markdown markers make poor titles in a sidebar.
  const plain = firstLine.replace(/^#+\s*/, '').replace(/[*_`>]/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length === 0) return 'New conversation';
  if (plain.length <= MAX) return plain;
  const cut = plain.slice(0, MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
