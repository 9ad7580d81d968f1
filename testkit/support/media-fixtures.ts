/** Small real files for media tests. */

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A minimal PDF. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A tiny WebP (for stickers). */
export const WEBP_1PX = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** Bytes that start like an Ogg file (voice notes are Ogg/Opus). */
export const OGG_BYTES = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(200, 1)]);

/** Bytes that start like an MP4 file. */
export const MP4_BYTES = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.alloc(200, 2),
]);

/** A real 48×48 JPEG (a colour gradient), as WhatsApp stores profile pictures. */
export const JPEG_48PX = Buffer.from(
  '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAwADADASIAAhEBAxEB/8QAGAABAQEBAQAAAAAAAAAAAAAAAwIBBAX/xAAVEAEBAAAAAAAAAAAAAAAAAAACAP/EABUBAQEAAAAAAAAAAAAAAAAAAAUG/8QAFhEAAwAAAAAAAAAAAAAAAAAAAAID/9oADAMBAAIRAxEAPwAyZSbSZCZmzAUWMJkJqJkJi7MKxYkmQmomQmLswrFjgJkJqJkJqKzEdFiSZCaiZCYuzCkWMJkJtJlJi7MKxY88mUm0mQmorMR0WMJkJqJkJi7MKxYkmQmomQmLswpFj//Z',
  'base64',
);
