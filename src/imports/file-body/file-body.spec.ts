import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { assertBodyMediaType, CSV_MEDIA_TYPE, MULTIPART_MEDIA_TYPE, readBody, XLSX_MEDIA_TYPE } from './file-body.js';

const request = (contentType: string | undefined, fileBody?: string[], method = 'POST') =>
  ({ method, is404: false, headers: { 'content-type': contentType }, routeOptions: { config: { fileBody } } }) as unknown as FastifyRequest;

describe('file bodies', () => {
  it('lets a route take only the file types it declares', () => {
    const imports = [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE];
    expect(() => assertBodyMediaType(request('text/csv; charset=utf-8', imports))).not.toThrow();
    expect(() => assertBodyMediaType(request(XLSX_MEDIA_TYPE, imports))).not.toThrow();
    for (const type of ['application/json', 'text/plain', MULTIPART_MEDIA_TYPE, undefined]) {
      expect(() => assertBodyMediaType(request(type, imports))).toThrow(UnsupportedMediaTypeException);
    }
  });

  it('keeps every other route from taking files', () => {
    expect(() => assertBodyMediaType(request('application/json'))).not.toThrow();
    expect(() => assertBodyMediaType(request(undefined))).not.toThrow();
    expect(() => assertBodyMediaType(request(CSV_MEDIA_TYPE, undefined, 'GET'))).not.toThrow();
    for (const type of [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, `${MULTIPART_MEDIA_TYPE}; boundary=x`]) {
      expect(() => assertBodyMediaType(request(type))).toThrow(UnsupportedMediaTypeException);
    }
  });

  it('reads a body up to the limit', async () => {
    expect(await readBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4)).toEqual(Buffer.from('abcd'));
  });

  it('refuses a body over the limit, at once when its length says so', async () => {
    await expect(readBody(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 4)).rejects.toThrow(PayloadTooLargeException);
    const declared = Object.assign(Readable.from([Buffer.from('x')]), { headers: { 'content-length': '10' } });
    await expect(readBody(declared, 4)).rejects.toThrow(PayloadTooLargeException);
  });
});
