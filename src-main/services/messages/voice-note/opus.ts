/** Opus facts the remux needs: its Ogg identification header and packet durations (RFC 6716, 7845). */
import { WebmToOggError } from './voice-note-error.js';
import type { TrackInfo } from './track-info.js';

export function isOpusHead(data: Buffer): boolean {
  return data.length >= 19 && data.toString('latin1', 0, 8) === 'OpusHead';
}

/** RFC 7845 §5.1 identification header, for a WebM that left CodecPrivate out. */
export function buildOpusHead(track: TrackInfo): Buffer {
  // Channel mapping family 0 covers mono and stereo; more channels need a mapping table we lack.
  if (track.channels < 1 || track.channels > 2) {
    throw new WebmToOggError(`no OpusHead and ${track.channels} channels; only mono/stereo can be rebuilt`);
  }
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(track.channels, 9);
  head.writeUInt16LE(Math.round((track.codecDelayNs * 48_000) / 1e9), 10); // pre-skip, 48 kHz samples
  head.writeUInt32LE(Math.round(track.sampleRate), 12); // original input rate, informational
  head.writeInt16LE(0, 16); // output gain
  head.writeUInt8(0, 18); // mapping family 0
  return head;
}

/** Samples (at 48 kHz) per frame for each TOC config 0..31 (RFC 6716 §3.1, table 2). */
const FRAME_SAMPLES = [
  ...[480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880], // SILK 10/20/40/60 ms
  ...[480, 960, 480, 960], // Hybrid 10/20 ms
  ...[120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960], // CELT 2.5/5/10/20 ms
];

/** How many 48 kHz samples one Opus packet decodes to, from its TOC byte (RFC 6716 §3.1). */
export function opusPacketSamples(packet: Uint8Array): number {
  const toc = packet[0];
  if (toc === undefined) throw new WebmToOggError('empty Opus packet');
  const perFrame = FRAME_SAMPLES[toc >> 3]!;
  const code = toc & 0b11;
  if (code === 0) return perFrame; // one frame
  if (code === 1 || code === 2) return 2 * perFrame; // two frames, equal or different sizes
  const count = packet[1]; // code 3: the frame count is in the next byte
  if (count === undefined || (count & 0x3f) === 0) throw new WebmToOggError('bad code-3 Opus packet');
  return (count & 0x3f) * perFrame;
}
