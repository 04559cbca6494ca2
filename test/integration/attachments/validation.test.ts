// Main trusts nothing about a file from the window: the bytes say what it is, sizes are capped
// per file and per message, and every refusal is a sentence a person can act on. Also the
// sizing rule both sides share and the header reader main uses to check it.
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/main/attachments/image-size';
import { InvalidInput, parseStreamRequest } from '../../../src/main/services/request-validation';
import { fitForProvider, sniffFile } from '../../../src/shared/attachments';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_PDF_BYTES, MAX_SENT_IMAGE_BYTES, MAX_TEXT_FILE_BYTES } from '../../../src/shared/limits';
import { b64, makeBinary, makePdf, makePng } from '../../support/attachments/files';

const request = (attachments: unknown, text = 'hi') => ({
  conversationId: 'c',
  providerId: 'p',
  model: 'm',
  action: { kind: 'send', text, attachments },
});
const refusal = (attachments: unknown, text?: string) => {
  try {
    parseStreamRequest(request(attachments, text));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as Error).message;
  }
  throw new Error('the request was accepted');
};

describe('attachments in a reply request', () => {
  it('accepts an image alone, keeping only the fields main reads', () => {
    const png = b64(makePng(3, 2));
    const parsed = parseStreamRequest(request([{ name: 'a.png', data: png, kind: 'pdf', extra: 1 }], ''));
    expect(parsed.action).toEqual({ kind: 'send', text: '', attachments: [{ name: 'a.png', data: png }] });
  });

  it('refuses files of no supported type whatever their name says', () => {
    expect(refusal([{ name: 'photo.png', data: b64(makeBinary()) }])).toBe(
      '“photo.png” is not a supported file: attach images (PNG, JPEG, WebP, GIF), PDFs, or text and code files.',
    );
    // Latin-1 text is not valid UTF-8: it would reach the model garbled.
    expect(refusal([{ name: 'old.txt', data: b64(Buffer.from([0x63, 0x61, 0x66, 0xe9])) }])).toMatch(/“old\.txt” is not a supported file/);
  });

  it('caps each kind of file and the whole message', () => {
    const bigText = Buffer.alloc(MAX_TEXT_FILE_BYTES + 1, 'a');
    expect(refusal([{ name: 'big.log', data: b64(bigText) }])).toMatch(/^“big\.log” is too large: a text file can be at most 0\.50 MiB when sent/);
    const bigPdf = Buffer.concat([makePdf(), Buffer.alloc(MAX_PDF_BYTES, ' ')]);
    expect(refusal([{ name: 'big.pdf', data: b64(bigPdf) }])).toMatch(/^“big\.pdf” is too large: about 4\.\d\d MiB, and no attached file can be over 4 MiB\.$/);
    const bigImage = Buffer.concat([makePng(2, 2), Buffer.alloc(MAX_SENT_IMAGE_BYTES, 0)]);
    expect(refusal([{ name: 'big.png', data: b64(bigImage) }])).toMatch(/^“big\.png” is too large: an image can be at most 3\.75 MiB when sent, this one is 3\.75 MiB\.$/);
    const pdf = { name: 'ok.pdf', data: b64(Buffer.concat([makePdf(), Buffer.alloc(MAX_PDF_BYTES - 2000, ' ')])) };
    expect(refusal([pdf, { ...pdf, name: 'ok2.pdf' }])).toMatch(/^The attached files add up to 8\.00 MiB; one message can carry at most 4 MiB\.$/);
    const many = Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE + 1 }, (_, i) => ({ name: `${i}.txt`, data: b64(Buffer.from('x')) }));
    expect(refusal(many)).toBe(`At most ${MAX_ATTACHMENTS_PER_MESSAGE} files can go with one message; this one has ${MAX_ATTACHMENTS_PER_MESSAGE + 1}.`);
  });

  it('refuses malformed input: bad base64, no name, a fake preview, an impossible image size', () => {
    expect(refusal([{ name: 'a.txt', data: 'not base64!' }])).toBe('“a.txt” did not arrive as valid base64.');
    expect(refusal([{ name: '', data: b64(Buffer.from('x')) }])).toBe('An attached file has no usable name.');
    expect(refusal('a.txt')).toBe('The attached files did not arrive as a list.');
    const png = b64(makePng(3, 2));
    expect(refusal([{ name: 'a.png', data: png, thumbnail: 'javascript:alert(1)' }])).toBe('The preview of “a.png” is not a small PNG, JPEG or WebP image.');
    const huge = makePng(1, 1);
    huge.writeUInt32BE(9000, 16); // IHDR width
    expect(refusal([{ name: 'huge.png', data: b64(huge) }])).toBe('“huge.png” is 9000×1 px; providers take at most 8000 px on a side.');
  });
});

describe('what a file is, and how far an image is shrunk', () => {
  it('sniffs by content', () => {
    expect(sniffFile(makePng(1, 1))).toEqual({ kind: 'image', mimeType: 'image/png' });
    expect(sniffFile(makePdf())).toEqual({ kind: 'pdf', mimeType: 'application/pdf' });
    expect(sniffFile(Buffer.from('fn main() { println!("é"); }'))).toEqual({ kind: 'text', mimeType: 'text/plain' });
    expect(sniffFile(Buffer.from('GIF89a\x02\x00\x03\x00', 'latin1'))).toEqual({ kind: 'image', mimeType: 'image/gif' });
    expect(sniffFile(makeBinary())).toBeNull();
  });

  it('reads PNG and GIF sizes from their headers', () => {
    expect(imageSize(makePng(123, 45), 'image/png')).toEqual({ width: 123, height: 45 });
    expect(imageSize(Buffer.from('GIF89a\x02\x01\x03\x00', 'latin1'), 'image/gif')).toEqual({ width: 258, height: 3 });
    expect(imageSize(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).toBeNull();
  });

  it('Anthropic: long edge at most 1568 px; OpenAI: fits 2048², then short side at most 768 px; never enlarged', () => {
    expect(fitForProvider(4000, 3000, 'anthropic')).toEqual({ width: 1568, height: 1176 });
    expect(fitForProvider(1000, 3000, 'anthropic')).toEqual({ width: 523, height: 1568 });
    expect(fitForProvider(4000, 3000, 'openai')).toEqual({ width: 1024, height: 768 });
    expect(fitForProvider(8000, 1000, 'openai')).toEqual({ width: 2048, height: 256 });
    expect(fitForProvider(1000, 800, 'openai')).toEqual({ width: 960, height: 768 });
    expect(fitForProvider(640, 480, 'openai')).toEqual({ width: 640, height: 480 });
    expect(fitForProvider(640, 480, 'anthropic')).toEqual({ width: 640, height: 480 });
  });
});
