// The words under a chip and a failed reply: a file's real type, and an error's detail only when
// it says something the message has not.
import { describe, expect, it } from 'vitest';
import { fileType } from '../../../src/renderer/src/chat/attachments/file-type';
import { newDetail } from '../../../src/renderer/src/chat/error-detail';

describe('file type labels', () => {
  it('names text files by their extension, not "TXT"', () => {
    expect(fileType('notes.py', 'text')).toEqual({ label: 'PY', name: 'Python' });
    expect(fileType('README.md', 'text')).toEqual({ label: 'MD', name: 'Markdown' });
    expect(fileType('data.jsonl', 'text')).toEqual({ label: 'JSON', name: 'JSON Lines' });
    expect(fileType('notes.txt', 'text')).toEqual({ label: 'TXT', name: 'Plain text' });
    expect(fileType('Makefile', 'text')).toEqual({ label: 'TXT', name: 'Plain text' });
    expect(fileType('odd.weird ext', 'text')).toEqual({ label: 'TXT', name: 'Plain text' });
    expect(fileType('shot.PNG', 'image')).toEqual({ label: 'PNG', name: 'PNG image' });
    expect(fileType('spec.pdf', 'pdf')).toEqual({ label: 'PDF', name: 'PDF' });
  });
});

describe('error detail', () => {
  it('drops sentences the message already says', () => {
    expect(newDetail('host reported an error in the middle of the reply: The model crashed.', 'The model crashed.')).toBeNull();
    expect(newDetail('host rejected the API key (401).', 'Incorrect API key provided.')).toBe('Incorrect API key provided.');
    expect(newDetail('Overloaded. Try again.', 'Overloaded. Server busy since 10:00.')).toBe('Server busy since 10:00.');
    expect(newDetail('Anything.', undefined)).toBeNull();
  });
});
