import busboy from 'busboy';
import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';

export interface UploadedForm {
  fields: Record<string, string>;
  file: { bytes: Buffer; mimetype: string; fileName: string } | null;
}

/** The largest upload accepted (WhatsApp's document limit). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Reads a `multipart/form-data` body: text fields plus at most one file (field `file`),
 * buffered in memory up to MAX_UPLOAD_BYTES. Oversize uploads are a 400 naming `file`.
 */
export function readMultipart(ctx: Context): Promise<UploadedForm> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: UploadedForm['file'] = null;
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: ctx.req.headers,
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 50 },
      });
    } catch {
      fail(new AppError('VALIDATION_FAILED', 'body: not a valid multipart/form-data request', 'body'));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () =>
        fail(new AppError('VALIDATION_FAILED', 'file: is larger than 100 MB', 'file')),
      );
      stream.on('end', () => {
        file = { bytes: Buffer.concat(chunks), mimetype: info.mimeType, fileName: info.filename ?? 'file' };
      });
    });
    parser.on('error', () => fail(new AppError('VALIDATION_FAILED', 'body: the upload was cut off', 'body')));
    parser.on('close', () => {
      if (!failed) resolve({ fields, file });
    });
    ctx.req.pipe(parser);
  });
}
