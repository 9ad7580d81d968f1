/**
 * Reads the Opus track of a WebM file (what Chromium's and Electron's MediaRecorder write):
 * Matroska's EBML elements (https://www.matroska.org/technical/elements.html), walked once,
 * stepping into containers (MediaRecorder writes Segment and Cluster with unknown sizes).
 */
import { isOpusHead } from './opus.js';
import type { TrackInfo } from './track-info.js';
import { WebmToOggError } from './voice-note-error.js';

/** True when the bytes start with the EBML magic number, i.e. look like WebM/Matroska. */
export function isWebm(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readUint(bytes, 0, 4) === ID.EBML;
}

/** The EBML element ids we read (kept with their length-marker bits, as the spec lists them). */
const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  CodecID: 0x86,
  CodecPrivate: 0x63a2,
  CodecDelay: 0x56aa,
  Audio: 0xe1,
  SamplingFrequency: 0xb5,
  Channels: 0x9f,
  Cluster: 0x1f43b675,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
} as const;

/**
 * Containers whose children we need. The walk steps into these instead of over them, which also
 * copes with the "unknown size" Segment and Clusters MediaRecorder writes while still recording.
 */
const CONTAINERS = new Set<number>([
  ID.Segment,
  ID.Tracks,
  ID.TrackEntry,
  ID.Audio,
  ID.Cluster,
  ID.BlockGroup,
]);

interface Frame {
  track: number;
  data: Buffer;
}

/** Reads an EBML variable-length integer: the count of leading zero bits says how long it is. */
function readVint(bytes: Uint8Array, offset: number): { length: number; value: number; allOnes: boolean } {
  const first = bytes[offset];
  if (first === undefined || first === 0)
    throw new WebmToOggError(`bad variable-length number at byte ${offset}`);
  const length = Math.clz32(first) - 23; // clz32 of a byte is 24..31; a leading 1 bit means length 1
  if (offset + length > bytes.length) throw new WebmToOggError(`truncated at byte ${offset}`);
  const marker = 0x80 >> (length - 1);
  let value = first & (marker - 1); // the value is what follows the length-marker bit
  let allOnes = value === marker - 1;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[offset + i]!;
    allOnes &&= bytes[offset + i] === 0xff;
  }
  return { length, value, allOnes };
}

function readUint(bytes: Uint8Array, offset: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + bytes[offset + i]!;
  return value;
}

/** An element header: its id, where its data starts, and its size (null when unknown). */
function readHeader(
  bytes: Uint8Array,
  offset: number,
): { id: number; dataStart: number; size: number | null } {
  const idVint = readVint(bytes, offset);
  if (idVint.length > 4) throw new WebmToOggError(`bad element id at byte ${offset}`);
  const id = readUint(bytes, offset, idVint.length);
  const sizeOffset = offset + idVint.length;
  const sizeVint = readVint(bytes, sizeOffset);
  // A size of all one bits means "unknown": the element runs until its parent ends.
  const size = sizeVint.allOnes ? null : sizeVint.value;
  return { id, dataStart: sizeOffset + sizeVint.length, size };
}

function readFloat(data: Buffer): number {
  if (data.length === 4) return data.readFloatBE(0);
  if (data.length === 8) return data.readDoubleBE(0);
  throw new WebmToOggError(`bad float of ${data.length} bytes`);
}

/** Walks the file once, collecting the track descriptions and every block's frame in order. */
export function parseWebm(input: Uint8Array): { track: TrackInfo; frames: Buffer[] } {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isWebm(bytes)) throw new WebmToOggError('not a WebM file (no EBML header)');
  const tracks: TrackInfo[] = [];
  const frames: Frame[] = [];
  const currentTrack = (): TrackInfo => {
    const track = tracks.at(-1);
    if (!track) throw new WebmToOggError('track field outside a TrackEntry');
    return track;
  };

  let offset = 0;
  while (offset < bytes.length) {
    const { id, dataStart, size } = readHeader(bytes, offset);
    if (CONTAINERS.has(id)) {
      if (id === ID.TrackEntry) {
        tracks.push({
          number: 0,
          codecId: '',
          codecPrivate: null,
          codecDelayNs: 0,
          channels: 1,
          sampleRate: 48_000,
        });
      }
      offset = dataStart; // step inside: the children follow directly
      continue;
    }
    if (size === null) throw new WebmToOggError(`element 0x${id.toString(16)} has an unknown size`);
    const end = dataStart + size;
    if (end > bytes.length) throw new WebmToOggError(`element 0x${id.toString(16)} is truncated`);
    const data = bytes.subarray(dataStart, end);
    switch (id) {
      case ID.TrackNumber:
        currentTrack().number = readUint(data, 0, data.length);
        break;
      case ID.CodecID:
        currentTrack().codecId = data.toString('latin1').replace(/\0+$/, '');
        break;
      case ID.CodecPrivate:
        currentTrack().codecPrivate = Buffer.from(data);
        break;
      case ID.CodecDelay:
        currentTrack().codecDelayNs = readUint(data, 0, data.length);
        break;
      case ID.Channels:
        currentTrack().channels = readUint(data, 0, data.length);
        break;
      case ID.SamplingFrequency:
        currentTrack().sampleRate = readFloat(data);
        break;
      case ID.SimpleBlock:
      case ID.Block:
        frames.push(readBlock(data));
        break;
      default:
        break; // everything else (SeekHead, Cues, Void, Tags, Timecode…) is not needed
    }
    offset = end;
  }

  const track = tracks.find((t) => t.codecId === 'A_OPUS');
  if (!track) {
    const found = tracks.map((t) => t.codecId).join(', ') || 'no tracks';
    throw new WebmToOggError(`no Opus audio track (found: ${found})`);
  }
  if (track.codecPrivate && !isOpusHead(track.codecPrivate)) {
    throw new WebmToOggError('the Opus track CodecPrivate is not an OpusHead');
  }
  const own = frames.filter((f) => f.track === track.number).map((f) => f.data);
  if (own.length === 0) throw new WebmToOggError('the Opus track has no audio frames');
  return { track, frames: own };
}

/**
 * A (Simple)Block: track number, 16-bit relative timecode, flags, then the frame. Ogg needs no
 * timestamps (each Opus packet says how long it is), so only the frame is kept.
 */
function readBlock(block: Buffer): Frame {
  const trackVint = readVint(block, 0);
  const track = trackVint.value;
  const flagsAt = trackVint.length + 2;
  const flags = block[flagsAt];
  if (flags === undefined) throw new WebmToOggError('block is truncated');
  const lacing = (flags >> 1) & 0b11;
  // MediaRecorder writes one frame per block. Laced blocks (several frames in one) are rare for
  // audio and not implemented, so say so rather than produce broken audio.
  if (lacing !== 0) throw new WebmToOggError('laced blocks are not supported');
  return { track, data: block.subarray(flagsAt + 1) };
}
