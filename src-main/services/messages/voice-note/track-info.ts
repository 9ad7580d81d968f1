/** One WebM track as the reader found it: what the Ogg writer and the OpusHead builder need. */
export interface TrackInfo {
  number: number;
  codecId: string;
  codecPrivate: Buffer | null;
  /** Nanoseconds the decoder must drop at the start; the same thing as OpusHead's pre-skip. */
  codecDelayNs: number;
  channels: number;
  sampleRate: number;
}
