import busboy from 'busboy';
import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { BodyBudget } from './body.js';

export interface UploadedForm {
  fields: Record<string, string>;
  file: { bytes: Buffer; mimetype: string; fileName: string } | null;
}

/** The largest upload accepted (WhatsApp's document limit). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Reads a `multipart/form-data` body: text fields plus at most one file (field `file`),
 * buffered in memory up to MAX_UPLOAD_BYTES and counted against `budget` while it is read.
 * Oversize uploads are a 413 naming `file`; a cut-off or malformed form is a 400 naming `body`.
 * Every stream involved has an `error` handler: an emitter without one would throw out of the
 * event loop and take the whole process down (one truncated upload once did).
 */
export function readMultipart(ctx: Context, budget: BodyBudget): Promise<UploadedForm> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: UploadedForm['file'] = null;
    let held = 0;
    let settled = false;
    const finish = (error: AppError | null) => {
      if (settled) return;
      settled = true;
      budget.give(held);
      if (error) {
        ctx.req.unpipe();
        ctx.req.resume();
        ctx.set('Connection', 'close');
        reject(error);
      } else {
        resolve({ fields, file });
      }
    };
    const cutOff = () => finish(new AppError('VALIDATION_FAILED', 'body: the upload was cut off', 'body'));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: ctx.req.headers,
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 50, fieldSize: 1024 * 1024 },
      });
    } catch {
      finish(new AppError('VALIDATION_FAILED', 'body: not a valid multipart/form-data request', 'body'));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      stream.on('error', cutOff);
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        try {
          budget.take(chunk.length);
        } catch (error) {
          finish(error as AppError);
          return;
        }
        held += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () =>
        finish(new AppError('PAYLOAD_TOO_LARGE', 'file: is larger than 100 MB', 'file')),
      );
      stream.on('end', () => {
        file = { bytes: Buffer.concat(chunks), mimetype: info.mimeType, fileName: info.filename ?? 'file' };
      });
    });
    parser.on('error', cutOff);
    ctx.req.on('error', cutOff);
    ctx.req.on('aborted', cutOff);
    parser.on('close', () => finish(null));
    ctx.req.pipe(parser);
  });
}
