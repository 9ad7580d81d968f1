/** Thrown for input that is not WebM with an Opus track, or is damaged. */
export class WebmToOggError extends Error {
  constructor(message: string) {
    super(`webm-to-ogg: ${message}`);
    this.name = 'WebmToOggError';
  }
}
