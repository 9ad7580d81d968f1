/**
 * WhatsApp Web framing on top of WebSocket messages.
 *
 * Protocol facts (Baileys `Utils/noise-handler.js`):
 * - the client's very first bytes are an intro header: `WA 06 03` (NOISE_WA_HEADER), or, when the
 *   client holds edge routing info, `ED 00 01 <3-byte len> <routing info>` followed by `WA 06 03`;
 * - every frame afterwards (both directions) is a 3-byte big-endian length plus the payload;
 * - WebSocket message boundaries mean nothing: a frame may span messages and a message may hold
 *   several frames, so bytes are buffered until a whole frame is present.
 */

const WA_INTRO_LENGTH = 4;
const MAX_FRAME_LENGTH = 0xffffff;

export class FrameDecoder {
  private buffered = Buffer.alloc(0);
  private introConsumed = false;
  /** The 4-byte `WA..` header the client announced; it is mixed into the Noise hash. */
  introHeader: Buffer | undefined;

  /** Feeds raw bytes and returns every complete frame payload now available. */
  push(chunk: Buffer): Buffer[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : Buffer.from(chunk);
    if (!this.introConsumed && !this.consumeIntro()) {
      return [];
    }
    const frames: Buffer[] = [];
    while (this.buffered.length >= 3) {
      const size = this.buffered.readUIntBE(0, 3);
      if (this.buffered.length < size + 3) {
        break;
      }
      frames.push(this.buffered.subarray(3, size + 3));
      this.buffered = this.buffered.subarray(size + 3);
    }
    return frames;
  }

  private consumeIntro(): boolean {
    let offset = 0;
    if (this.buffered.length >= 2 && this.buffered.toString('latin1', 0, 2) === 'ED') {
      if (this.buffered.length < 7) {
        return false;
      }
      const routingLength = this.buffered.readUIntBE(4, 3);
      offset = 7 + routingLength;
    }
    if (this.buffered.length < offset + WA_INTRO_LENGTH) {
      return false;
    }
    const header = this.buffered.subarray(offset, offset + WA_INTRO_LENGTH);
    if (header.toString('latin1', 0, 2) !== 'WA') {
      throw new Error(`unexpected intro header ${header.toString('hex')}`);
    }
    this.introHeader = Buffer.from(header);
    this.buffered = this.buffered.subarray(offset + WA_INTRO_LENGTH);
    this.introConsumed = true;
    return true;
  }
}

/** Prefixes a payload with its 3-byte big-endian length (server frames carry no intro). */
export function encodeFrame(payload: Uint8Array): Buffer {
  if (payload.length > MAX_FRAME_LENGTH) {
    throw new Error(`frame too large: ${payload.length} bytes`);
  }
  const frame = Buffer.allocUnsafe(payload.length + 3);
  frame.writeUIntBE(payload.length, 0, 3);
  frame.set(payload, 3);
  return frame;
}
