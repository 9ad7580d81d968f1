/**
 * A short tone as a WAV file (16-bit mono PCM): real audio Chromium plays, for voice notes sent
 * by test customers. The loudness rises and falls so its waveform is not flat.
 */
export function toneWav(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const loudness = Math.abs(Math.sin((Math.PI * i) / sampleRate));
    wav.writeInt16LE(
      Math.round(12000 * loudness * Math.sin((2 * Math.PI * 440 * i) / sampleRate)),
      44 + i * 2,
    );
  }
  return wav;
}

/** WhatsApp's 64-byte loudness outline (0–100) for a note, as phones send it. */
export function waveformBytes(count = 64): Uint8Array {
  return Uint8Array.from({ length: count }, (_, i) => Math.round(100 * Math.abs(Math.sin((i / count) * 6))));
}
