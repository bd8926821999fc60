// A binary file uploaded on #/mine is called not text, as on the Score page, and not a text
// encoding problem; UTF-16 without a byte-order mark is still recognised as UTF-16.
import { describe, expect, it } from 'vitest';
import { prepareBytes } from '../../src/lib/db/user-data/prepare.ts';
import { checkUtf8 } from '../../src/lib/db/user-data/text-checks.ts';
import { UploadError, asUploadError } from '../../src/lib/db/user-data/upload-error.ts';
import { parseFile } from '../../src/lib/scoring/input.ts';

const uploadMessage = async (bytes: Uint8Array, fileName: string): Promise<string> => {
  const e = await prepareBytes(bytes, fileName).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UploadError);
  return asUploadError(e, fileName).message;
};

describe('binary uploads', () => {
  // The repro: NUL bytes, a stray 0xFF 0xFE, and a zip header.
  const binary = new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00, 0x50, 0x4b, 0x03, 0x04]);

  it('says a binary .csv upload is not a text file, naming the file, as the Score page does', async () => {
    const message = await uploadMessage(binary, 'bin.csv');
    expect(message).toMatch(/^bin\.csv: this is not a text file \(it holds binary data/);
    expect(message).not.toMatch(/UTF-8|Latin-1/);
    // The same words as the Score page's batch files.
    const scoring = parseFile('bin.csv', binary).issues[0].message;
    expect(message).toContain(scoring.slice(0, scoring.indexOf(':')));
  });

  it('still says UTF-16 without a byte-order mark looks like UTF-16', () => {
    const utf16le = new Uint8Array([...'model,café\nx,1\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(() => checkUtf8(utf16le)).toThrow(/not UTF-8: .*it looks like UTF-16/);
  });
});
