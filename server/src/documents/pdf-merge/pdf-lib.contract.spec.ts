import { PDFContext, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFRef, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

// The streaming merge (pdf-merger.ts, pdf-file-writer.ts) uses pdf-lib below its document API: a
// context's object numbering, the object copier, the objects' own serialisation and the header's.
// If pdf-lib changes any of them, this fails here rather than as a broken sheet on paper.
describe('contract with pdf-lib: what the streaming merge relies on', () => {
  async function onePage(): Promise<PDFDocument> {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage([200, 200]).drawText('Préau', { x: 10, y: 100, font, size: 12 });
    return PDFDocument.load(await document.save());
  }

  it('numbers new objects after a largestObjectNumber set by hand', () => {
    const context = PDFContext.create();
    context.largestObjectNumber = 41;
    expect(context.register(context.obj({ Type: 'Pages' }))).toEqual(PDFRef.of(42));
    expect(context.nextRef()).toEqual(PDFRef.of(43));
  });

  it("copies a page with what it uses into another context, then lists and deletes the copies", async () => {
    const source = await onePage();
    const target = PDFContext.create();
    target.largestObjectNumber = 100;
    const copy = PDFObjectCopier.for(source.context, target).copy(source.getPage(0).node);
    const ref = target.register(copy);
    expect(ref.objectNumber).toBeGreaterThan(100);
    const objects = target.enumerateIndirectObjects();
    // The page, its content stream, its font: every copied object numbered above 100.
    expect(objects.length).toBeGreaterThanOrEqual(3);
    expect(objects.every(([objectRef]) => objectRef.objectNumber > 100)).toBe(true);
    for (const [objectRef] of objects) target.delete(objectRef);
    expect(target.enumerateIndirectObjects()).toEqual([]);
  });

  it('serialises an object and the header into a buffer, exactly the size they announce', async () => {
    const source = await onePage();
    const object = PDFContext.create().obj({ Type: 'Pages', Count: PDFNumber.of(1), Name: PDFName.of('Kids') });
    const bytes = new Uint8Array(object.sizeInBytes());
    expect(object.copyBytesInto(bytes, 0)).toBe(bytes.length);
    expect(Buffer.from(bytes).toString('latin1')).toBe('<<\n/Type /Pages\n/Count 1\n/Name /Kids\n>>');
    const header = source.context.header;
    const headerBytes = new Uint8Array(header.sizeInBytes());
    expect(header.copyBytesInto(headerBytes, 0)).toBe(headerBytes.length);
    expect(Buffer.from(headerBytes).toString('latin1')).toMatch(/^%PDF-1\.\d/);
    expect(source.context.trailerInfo).toHaveProperty('Root');
  });
});
