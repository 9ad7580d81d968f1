/** Image types a browser shows in an <img>, recognised by their first bytes. */
const SIGNATURES: { mimetype: string; matches: (bytes: Buffer) => boolean }[] = [
  { mimetype: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mimetype: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mimetype: 'image/webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mimetype: 'image/gif', matches: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
];

/**
 * The image type of these bytes, or null when they are not an image we would serve. The bytes
 * decide, not the sender's Content-Type: whatever we store is later served with this type.
 */
export function imageMimetype(bytes: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.mimetype ?? null;
}
