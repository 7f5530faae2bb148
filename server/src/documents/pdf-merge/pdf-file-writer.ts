import type { PDFHeader, PDFObject, PDFRef } from 'pdf-lib';

/** Nothing but digits, spaces, keywords and newlines goes through here: latin1 is exact. */
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/**
 * Writes a PDF file front to back: objects as they come, each batch serialised at once into one
 * buffer and never looked at again, then the cross-reference table and the trailer. Only the byte
 * offset of each object is kept (a number per object), so memory beyond the output itself does
 * not grow with the document, and no object is ever serialised twice.
 */
export class PdfFileWriter {
  private readonly parts: Buffer[] = [];
  /** Bytes of the whole file so far (the next object's offset). */
  private length = 0;
  /** Bytes in `parts`, not drained yet. */
  private pending = 0;
  /** Byte offset of object n at index n; 0 for numbers never written (listed as free). */
  private readonly offsets: number[] = [0];

  constructor(header: PDFHeader) {
    // pdf-lib's header ends on its binary comment, without the newline that must end that line.
    const bytes = Buffer.alloc(header.sizeInBytes() + 1);
    bytes[header.copyBytesInto(bytes, 0)] = 0x0a;
    this.push(bytes);
  }

  /** The highest object number written or reserved so far: later objects must be numbered above it. */
  get largestObjectNumber(): number {
    return this.offsets.length - 1;
  }

  /** Reserves the next object number, for an object written later (the page tree's root). */
  reserve(): number {
    this.offsets.push(0);
    return this.largestObjectNumber;
  }

  /**
   * Writes `objects`, which must be numbered above `largestObjectNumber` (numbers left unused in
   * between become free entries), generation 0.
   */
  write(objects: readonly [PDFRef, PDFObject][]): void {
    let size = 0;
    for (const [ref, object] of objects) size += objectHeaderSize(ref) + object.sizeInBytes() + OBJECT_END.length;
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    for (const [ref, object] of objects) {
      this.place(ref.objectNumber, this.length + at);
      at += buffer.write(`${ref.objectNumber} 0 obj\n`, at, 'latin1');
      at += object.copyBytesInto(buffer, at);
      at += OBJECT_END.copy(buffer, at);
    }
    this.push(buffer);
  }

  /** Writes an object whose number was reserved. */
  writeReserved(ref: PDFRef, object: PDFObject): void {
    if (ref.objectNumber > this.largestObjectNumber || this.offsets[ref.objectNumber] !== 0) {
      throw new Error(`Objet PDF ${ref.objectNumber} non réservé ou déjà écrit.`);
    }
    const buffer = Buffer.allocUnsafe(objectHeaderSize(ref) + object.sizeInBytes() + OBJECT_END.length);
    this.offsets[ref.objectNumber] = this.length;
    let at = buffer.write(`${ref.objectNumber} 0 obj\n`, 0, 'latin1');
    at += object.copyBytesInto(buffer, at);
    OBJECT_END.copy(buffer, at);
    this.push(buffer);
  }

  /**
   * Hands over the bytes written since the last drain, so that the caller can store them as the
   * document grows: offsets are kept, the bytes are not.
   */
  drain(): Buffer {
    const bytes = Buffer.concat(this.parts, this.pending);
    this.parts.length = 0;
    this.pending = 0;
    return bytes;
  }

  /** Ends the file (cross-reference table, trailer) and returns what was not drained, in one piece. */
  finish(trailer: { root: PDFRef; info?: PDFRef }): Buffer {
    const count = this.offsets.length;
    // Fixed-width entries of 20 bytes: "oooooooooo ggggg n\r\n".
    const xref = Buffer.allocUnsafe(20 * count);
    xref.write('0000000000 65535 f\r\n', 0, 'latin1');
    for (let n = 1; n < count; n++) {
      const offset = this.offsets[n];
      xref.write(offset ? `${String(offset).padStart(10, '0')} 00000 n\r\n` : '0000000000 00000 f\r\n', 20 * n, 'latin1');
    }
    const start = this.length;
    this.push(latin1(`xref\n0 ${count}\n`));
    this.push(xref);
    const info = trailer.info ? `\n/Info ${trailer.info.objectNumber} 0 R` : '';
    this.push(latin1(`trailer\n<</Size ${count}\n/Root ${trailer.root.objectNumber} 0 R${info}>>\nstartxref\n${start}\n%%EOF\n`));
    return this.drain();
  }

  private place(objectNumber: number, offset: number): void {
    if (objectNumber <= this.largestObjectNumber) throw new Error(`Objet PDF ${objectNumber} écrit dans le désordre.`);
    while (this.offsets.length < objectNumber) this.offsets.push(0);
    this.offsets.push(offset);
  }

  private push(bytes: Buffer): void {
    this.parts.push(bytes);
    this.length += bytes.length;
    this.pending += bytes.length;
  }
}

const OBJECT_END = latin1('\nendobj\n');

function objectHeaderSize(ref: PDFRef): number {
  return String(ref.objectNumber).length + ' 0 obj\n'.length;
}
