import { UnsupportedMediaTypeException } from '@nestjs/common';
import { evidenceFilename, evidenceTypeOf } from './evidence-file.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('evidence files', () => {
  it('judges the type by the bytes', async () => {
    expect(await evidenceTypeOf(Buffer.from('%PDF-1.4\n%%EOF\n'))).toBe('application/pdf');
    expect(await evidenceTypeOf(PNG)).toBe('image/png');
    await expect(evidenceTypeOf(Buffer.from('<html><body>%PDF-1.4</body></html>'))).rejects.toThrow(UnsupportedMediaTypeException);
    await expect(evidenceTypeOf(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'))).rejects.toThrow(UnsupportedMediaTypeException);
  });

  it.each([
    ['进展佐证材料.pdf', 'application/pdf', '进展佐证材料.pdf'],
    ['进展佐证材料.PDF', 'application/pdf', '进展佐证材料.pdf'],
    ['../../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\fakepath\\现场照片.jpg', 'image/jpeg', '现场照片.jpg'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['invoice.pdf', 'image/png', 'invoice.png'],
    ['2024年第3季度.v2', 'application/pdf', '2024年第3季度.pdf'],
    ['会议纪要 2024.06.30', 'application/pdf', '会议纪要 2024.06.30.pdf'],
    ['  ..hidden  ', 'application/pdf', 'hidden.pdf'],
    ['a<b>c:d"e|f?g*h\u0000\u202e\u200b.pdf', 'application/pdf', 'abcdefgh.pdf'],
    ['', 'application/pdf', 'evidence.pdf'],
    [undefined, 'image/png', 'evidence.png'],
  ] as const)('names %j (%s) %j', (original, type, expected) => {
    expect(evidenceFilename(original, type)).toBe(expected);
  });

  it('keeps long names to 200 characters before the extension', () => {
    expect(evidenceFilename(`${'长'.repeat(300)}.pdf`, 'application/pdf')).toBe(`${'长'.repeat(200)}.pdf`);
  });
});
