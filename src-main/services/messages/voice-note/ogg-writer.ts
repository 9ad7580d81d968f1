/** Writes Opus packets as an Ogg/Opus file: pages (RFC 3533) with Opus headers (RFC 7845). */
import { opusPacketSamples } from './opus.js';
import { WebmToOggError } from './voice-note-error.js';

/** Page flags; packets here never continue across pages, so 0x01 (continued) is unused. */
const HEADER_TYPE = { bos: 0x02, eos: 0x04 } as const;
/** Any number identifies the stream within the file; there is only one stream. */
const STREAM_SERIAL = 0x43686474; // "Chdt"
const VENDOR = 'Chatdock';

/** CRC-32 as Ogg defines it: polynomial 0x04C11DB7, not reflected, initial value 0. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

/** A packet's lacing values: 255 per full 255-byte chunk, then the remainder (maybe 0). */
function lacing(length: number): number[] {
  return [...Array<number>(Math.floor(length / 255)).fill(255), length % 255];
}

function oggPage(packets: Buffer[], granule: bigint, sequence: number, headerType: number): Buffer {
  const segments = packets.flatMap((p) => lacing(p.length));
  const header = Buffer.alloc(27 + segments.length);
  header.write('OggS', 0, 'latin1');
  header.writeUInt8(0, 4); // version
  header.writeUInt8(headerType, 5);
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(STREAM_SERIAL, 14);
  header.writeUInt32LE(sequence, 18);
  // bytes 22..25: CRC, computed over the whole page with this field zero
  header.writeUInt8(segments.length, 26);
  Buffer.from(segments).copy(header, 27);
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** RFC 7845 §5.2 comment header: vendor string and no user comments. */
function opusTags(): Buffer {
  const vendor = Buffer.from(VENDOR, 'utf8');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'latin1');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  return tags;
}

/**
 * Header pages, then the audio packets packed into pages of at most 255 lacing values. A packet
 * never spans pages (an Opus packet needs at most ~240 lacing values, so it always fits an empty
 * page). Each page's granule position is the count of 48 kHz samples decoded by the end of its
 * last packet. As RFC 7845 §4 defines it, that count includes the pre-skip samples (they are
 * decoded, then dropped by the player), so the pre-skip is not added on top.
 */
export function writeOggOpus(opusHead: Buffer, packets: Buffer[]): Buffer {
  const pages = [oggPage([opusHead], 0n, 0, HEADER_TYPE.bos), oggPage([opusTags()], 0n, 1, 0)];
  let granule = 0n;
  let pending: Buffer[] = [];
  let pendingSegments = 0;
  const flush = (last: boolean) => {
    pages.push(oggPage(pending, granule, pages.length, last ? HEADER_TYPE.eos : 0));
    pending = [];
    pendingSegments = 0;
  };
  packets.forEach((packet, index) => {
    const segments = Math.floor(packet.length / 255) + 1;
    if (segments > 255) throw new WebmToOggError('Opus packet too large for one Ogg page');
    if (pendingSegments + segments > 255) flush(false);
    pending.push(packet);
    pendingSegments += segments;
    granule += BigInt(opusPacketSamples(packet));
    if (index === packets.length - 1) flush(true);
  });
  return Buffer.concat(pages);
}
