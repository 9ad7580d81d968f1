import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oggCrc } from './ogg-writer.js';
import { opusPacketSamples } from './opus.js';
import { WebmToOggError } from './voice-note-error.js';
import { isWebm } from './webm-reader.js';
import { webmToOgg } from './webm-to-ogg.js';

/** ~1.5 s of a 440 Hz tone, recorded by Chromium's MediaRecorder as audio/webm;codecs=opus. */
const VOICE_NOTE_WEBM = readFileSync(
  new URL('../../../../testkit/support/fixtures/voice-note.webm', import.meta.url),
);

interface OggPage {
  headerType: number;
  granule: bigint;
  sequence: number;
  crc: number;
  /** The page with its CRC field zeroed, as the CRC is computed. */
  zeroedCrc: Buffer;
  packets: Buffer[];
}

/** Splits an Ogg file into pages and packets (packets here never continue across pages). */
function readOgg(bytes: Buffer): OggPage[] {
  const pages: OggPage[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    expect(bytes.toString('latin1', offset, offset + 4)).toBe('OggS');
    const count = bytes[offset + 26]!;
    const lacing = [...bytes.subarray(offset + 27, offset + 27 + count)];
    const length = 27 + count + lacing.reduce((a, b) => a + b, 0);
    const page = Buffer.from(bytes.subarray(offset, offset + length));
    const packets: Buffer[] = [];
    let start = 27 + count;
    let size = 0;
    for (const value of lacing) {
      size += value;
      if (value < 255) {
        packets.push(page.subarray(start, start + size));
        start += size;
        size = 0;
      }
    }
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    pages.push({
      headerType: page[5]!,
      granule: page.readBigInt64LE(6),
      sequence: page.readUInt32LE(18),
      crc,
      zeroedCrc: page,
      packets,
    });
    offset += length;
  }
  return pages;
}

/**
 * The Opus frames of track 1, found by a deliberately different walk than the remuxer's:
 * recursive, into the masters that can hold blocks. Unknown sizes run to the parent's end.
 */
function webmFrames(bytes: Buffer, start = 0, end = bytes.length): Buffer[] {
  const MASTERS = new Set([0x18538067, 0x1f43b675, 0xa0]); // Segment, Cluster, BlockGroup
  const frames: Buffer[] = [];
  let offset = start;
  while (offset < end) {
    const idLength = Math.clz32(bytes[offset]!) - 23;
    const id = bytes.readUIntBE(offset, idLength);
    const sizeLength = Math.clz32(bytes[offset + idLength]!) - 23;
    const raw = bytes.subarray(offset + idLength, offset + idLength + sizeLength);
    const marker = 0x80 >> (sizeLength - 1);
    const unknown = raw.every((b, i) => (i === 0 ? b === 2 * marker - 1 : b === 0xff));
    let size = raw[0]! & (marker - 1);
    for (const b of raw.subarray(1)) size = size * 256 + b;
    const dataStart = offset + idLength + sizeLength;
    const dataEnd = unknown ? end : dataStart + size;
    if (MASTERS.has(id)) {
      frames.push(...webmFrames(bytes, dataStart, dataEnd));
    } else if (id === 0xa3 || id === 0xa1) {
      expect(bytes[dataStart]).toBe(0x81); // track 1
      frames.push(bytes.subarray(dataStart + 4, dataEnd));
    }
    offset = dataEnd;
  }
  return frames;
}

describe('webmToOgg', () => {
  it('the fixture is a real MediaRecorder WebM/Opus file', () => {
    expect(isWebm(VOICE_NOTE_WEBM)).toBe(true);
    expect(VOICE_NOTE_WEBM.includes('A_OPUS')).toBe(true);
    expect(webmFrames(VOICE_NOTE_WEBM).length).toBeGreaterThan(20); // Chromium writes 60 ms frames
  });

  it('rewraps the Opus packets unchanged in valid Ogg pages', () => {
    const ogg = webmToOgg(VOICE_NOTE_WEBM);
    expect(ogg.toString('latin1', 0, 4)).toBe('OggS');
    const pages = readOgg(ogg);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(oggCrc(page.zeroedCrc), `CRC of page ${index}`).toBe(page.crc);
      expect(page.sequence).toBe(index);
    });

    const [head, tags, ...audio] = pages;
    expect(head!.headerType).toBe(0x02); // beginning of stream
    expect(head!.packets).toHaveLength(1);
    expect(head!.packets[0]!.toString('latin1', 0, 8)).toBe('OpusHead');
    expect(tags!.packets[0]!.toString('latin1', 0, 8)).toBe('OpusTags');
    expect(tags!.packets[0]!.includes('Chatdock')).toBe(true);
    audio.forEach((page, index) => expect(page.headerType).toBe(index === audio.length - 1 ? 0x04 : 0));

    const packets = audio.flatMap((page) => page.packets);
    const frames = webmFrames(VOICE_NOTE_WEBM);
    expect(packets.length).toBe(frames.length);
    packets.forEach((packet, index) => expect(packet.equals(frames[index]!), `packet ${index}`).toBe(true));

    // Granule positions count decoded 48 kHz samples, pre-skip included (RFC 7845 §4).
    const total = frames.reduce((sum, frame) => sum + opusPacketSamples(frame), 0);
    expect(audio.at(-1)!.granule).toBe(BigInt(total));
    const preSkip = head!.packets[0]!.readUInt16LE(10);
    const playedSeconds = (total - preSkip) / 48_000;
    expect(playedSeconds).toBeGreaterThan(1.2);
    expect(playedSeconds).toBeLessThan(2);
  });

  it('builds an OpusHead from the track when CodecPrivate is missing', () => {
    const without = Buffer.from(VOICE_NOTE_WEBM);
    const at = without.indexOf(Buffer.from([0x63, 0xa2])); // CodecPrivate id
    without[at + 1] = 0xa3; // now an unknown element, which parsers skip
    const head = readOgg(webmToOgg(without))[0]!.packets[0]!;
    expect(head.toString('latin1', 0, 8)).toBe('OpusHead');
    expect(head[9]).toBe(VOICE_NOTE_WEBM[VOICE_NOTE_WEBM.indexOf('OpusHead') + 9]); // channels
    expect(head.readUInt32LE(12)).toBe(48_000);
  });

  it('reads Opus packet durations from the TOC byte', () => {
    expect(opusPacketSamples(Buffer.from([31 << 3]))).toBe(960); // CELT 20 ms, one frame
    expect(opusPacketSamples(Buffer.from([(16 << 3) | 1]))).toBe(240); // CELT 2.5 ms, two frames
    expect(opusPacketSamples(Buffer.from([(3 << 3) | 2]))).toBe(5760); // SILK 60 ms, two frames
    expect(opusPacketSamples(Buffer.from([(13 << 3) | 3, 3]))).toBe(2880); // Hybrid 20 ms × 3
  });

  it('rejects input that is not WebM/Opus, with a clear error', () => {
    expect(() => webmToOgg(Buffer.from('OggS not webm'))).toThrow(/not a WebM file/);
    expect(() => webmToOgg(VOICE_NOTE_WEBM.subarray(0, 100))).toThrow(WebmToOggError);
    const notOpus = Buffer.from(VOICE_NOTE_WEBM);
    notOpus.write('A_VORB', notOpus.indexOf('A_OPUS'), 'latin1');
    expect(() => webmToOgg(notOpus)).toThrow(/no Opus audio track \(found: A_VORB\)/);
  });

  it('rejects laced blocks instead of writing broken audio', () => {
    const laced = Buffer.from(VOICE_NOTE_WEBM);
    const firstFrame = webmFrames(laced)[0]!;
    const flagsAt = firstFrame.byteOffset - laced.byteOffset - 1; // the byte before the frame
    laced[flagsAt] = laced[flagsAt]! | 0b10; // Xiph lacing
    expect(() => webmToOgg(laced)).toThrow(/laced blocks are not supported/);
  });
});
