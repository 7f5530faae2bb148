import * as iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { MAX_FILE_BYTES, refuse } from './import-refusals';

export type FileEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'Windows-1252';

export interface DecodedFile {
  encoding: FileEncoding;
  /** The text, decoded as it is read (iconv-lite), for the CSV parser to stream through. */
  text(): Readable;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function bomLength(bytes: Buffer): number {
  // Re-saved files may carry the BOM more than once (entcore strips several too).
  let offset = 0;
  while (bytes.length >= offset + 3 && UTF8_BOM.every((byte, i) => bytes[offset + i] === byte)) offset += 3;
  return offset;
}

/** Zip (xlsx, ods), OLE (xls) and anything with NUL bytes (UTF-16, images, PDFs) are not CSV text. */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return true;
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return true;
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return true;
  return bytes.subarray(0, 64 * 1024).includes(0);
}

/**
 * UTF-8 when it says so (a BOM) or when every byte sequence is valid UTF-8; otherwise Windows-1252,
 * what ONDE writes (a superset of ISO-8859-1 that also has « œ », « € » and curly quotes). A
 * Windows-1252 text with accents is almost never valid UTF-8, so the strict check rarely misleads;
 * the report shows accented names so that a wrong guess is seen.
 */
export function decodeFile(bytes: Buffer, fileName: string): DecodedFile {
  if (bytes.length > MAX_FILE_BYTES) throw refuse.tooLarge(fileName);
  const bom = bomLength(bytes);
  const body = bytes.subarray(bom);
  if (body.toString('latin1').trim() === '') throw refuse.empty(fileName);
  if (looksBinary(body)) throw refuse.binary(fileName);
  let encoding: FileEncoding;
  if (bom > 0) encoding = 'UTF-8 (BOM)';
  else {
    try {
      strictUtf8.decode(body);
      encoding = 'UTF-8';
    } catch {
      encoding = 'Windows-1252';
    }
  }
  const codec = encoding === 'Windows-1252' ? 'win1252' : 'utf8';
  return {
    encoding,
    text: () => Readable.from([body], { objectMode: false }).pipe(iconv.decodeStream(codec, { stripBOM: true })) as unknown as Readable,
  };
}
