import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Reads a ZIP's entries by walking its local headers and checks each CRC: a reader independent
 * of the app's writer, for tests of exports.
 */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const crc = bytes.readUInt32LE(at + 14);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const raw = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    out.set(name, data);
    at += 30 + nameLength + extra + size;
  }
  if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('no central directory after the entries');
  return out;
}
