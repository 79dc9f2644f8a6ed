import { UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { XLSX_MEDIA_TYPE } from '../imports/file-body/file-body.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The kinds of evidence a report takes, by media type, with the extensions their names may carry. */
const EVIDENCE_KINDS = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  [DOCX_MEDIA_TYPE]: ['docx'],
  [XLSX_MEDIA_TYPE]: ['xlsx'],
} as const satisfies Record<string, readonly string[]>;

export type EvidenceContentType = keyof typeof EVIDENCE_KINDS;
export const EVIDENCE_CONTENT_TYPES = Object.keys(EVIDENCE_KINDS) as EvidenceContentType[];

/** The longest file name kept, in characters, before its extension. */
const MAX_STEM_LENGTH = 200;

/**
 * What a file is, judged by its bytes (never by its name or declared type): a PDF, PNG, JPEG,
 * DOCX or XLSX file, else 415.
 */
export async function evidenceTypeOf(bytes: Buffer): Promise<EvidenceContentType> {
  const type = await fileTypeFromBuffer(bytes);
  if (type && type.mime in EVIDENCE_KINDS) return type.mime as EvidenceContentType;
  throw new UnsupportedMediaTypeException('Evidence must be a PDF, PNG, JPEG, DOCX or XLSX file (judged by its content, not its name)');
}

/**
 * A safe name for a stored file: no folders, control or invisible characters, characters that
 * Windows refuses, or leading dots; Chinese and other letters are kept. The extension matches
 * the content: a `.pdf` name on a PNG file becomes `.png`.
 */
export function evidenceFilename(original: string | undefined, contentType: EvidenceContentType): string {
  const name = (original ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const extensions: readonly string[] = EVIDENCE_KINDS[contentType];
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  const extension = match?.[1]!.toLowerCase();
  const claimed = extension !== undefined && !/^\d+$/.test(extension);
  const stem = claimed ? name.slice(0, -match![0].length) : name;
  const kept = [...stem].slice(0, MAX_STEM_LENGTH).join('').trim() || 'evidence';
  return `${kept}.${claimed && extensions.includes(extension) ? extension : extensions[0]}`;
}
