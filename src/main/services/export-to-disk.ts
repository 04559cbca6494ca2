// Writes an export to disk as it is produced: one piece (a conversation) at a time, so memory
// stays at about one conversation whatever the export's size. The pieces go to a private
// temporary file beside the target (0600: it holds conversations), which is renamed into place
// only once complete, so a failed or interrupted export never leaves a truncated file under the
// name the user chose, nor replaces one that was there.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** Resolves with the bytes written. `onPiece` runs after each piece (the benchmark samples memory there). */
export async function writeExportFile(pieces: Iterable<string>, target: string, onPiece?: () => void): Promise<number> {
  const partial = `${target}.${randomBytes(6).toString('hex')}.partial`;
  const file = await open(partial, 'wx', 0o600);
  let bytes = 0;
  try {
    try {
      for (const piece of pieces) {
        // Awaiting each write lets other work (a streaming reply) run between conversations.
        const buffer = Buffer.from(piece, 'utf8');
        for (let at = 0; at < buffer.length; ) at += (await file.write(buffer, at)).bytesWritten;
        bytes += buffer.length;
        onPiece?.();
      }
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(partial, target);
    return bytes;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
