/**
 * Rewraps WebM/Opus audio (what Chromium's and Electron's MediaRecorder write) as Ogg/Opus (the
 * only format WhatsApp phones play as a voice note). The Opus packets are copied unchanged: no
 * decoding, no re-encoding, no native code. Only the container changes.
 *
 * WebM: Matroska's EBML elements (https://www.matroska.org/technical/elements.html).
 * Ogg/Opus: RFC 3533 (pages) and RFC 7845 (Opus in Ogg). Opus packet durations: RFC 6716 §3.1.
 */
import { buildOpusHead } from './opus.js';
import { writeOggOpus } from './ogg-writer.js';
import { parseWebm } from './webm-reader.js';

/** The MIME type of the output, as WhatsApp expects it on a voice note. */
export const OGG_OPUS_MIMETYPE = 'audio/ogg; codecs=opus';

/** Remuxes a WebM file with an Opus track into an Ogg/Opus file. */
export function webmToOgg(webm: Uint8Array): Buffer {
  const { track, frames } = parseWebm(webm);
  const opusHead = track.codecPrivate ?? buildOpusHead(track);
  return writeOggOpus(opusHead, frames);
}
