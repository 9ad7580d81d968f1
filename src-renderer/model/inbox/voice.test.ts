import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages';
import {
  clockText,
  formatClock,
  nextSpeed,
  nextVoiceNote,
  parseSpeed,
  seekTarget,
  waveformBars,
} from './voice';

const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

function message(id: string, kind: 'voice' | 'audio' | 'text', extra: Partial<Message> = {}): Message {
  return {
    id,
    type: kind === 'text' ? 'text' : 'audio',
    media:
      kind === 'text'
        ? null
        : {
            mimetype: 'audio/ogg',
            fileName: null,
            size: 1,
            sha256: null,
            seconds: 3,
            width: null,
            height: null,
            voiceNote: kind === 'voice',
            stored: true,
          },
    revoked: false,
    ...extra,
  } as Message;
}

describe('waveformBars', () => {
  it('scales the loudest sample to a full bar and silence to a short one', () => {
    expect(waveformBars(base64([0, 25, 50, 100]), 4)).toEqual([0.12, 0.34, 0.56, 1]);
  });

  it('keeps the loudest sample of each stretch when there are more samples than bars', () => {
    const bars = waveformBars(base64([10, 80, 0, 0, 40, 5, 0, 20]), 4);
    expect(bars).toEqual([1, 0.12, 0.56, 0.34]);
  });

  it('repeats samples when there are fewer samples than bars', () => {
    expect(waveformBars(base64([0, 100]), 4)).toEqual([0.12, 0.12, 1, 1]);
  });

  it('draws all-silent notes as short bars and has none without a waveform', () => {
    expect(waveformBars(base64([0, 0]), 2)).toEqual([0.12, 0.12]);
    expect(waveformBars(undefined, 40)).toBeNull();
    expect(waveformBars('', 40)).toBeNull();
    expect(waveformBars('%%not base64%%', 40)).toBeNull();
  });
});

describe('the clock', () => {
  it('shows the whole length before playing and the position after', () => {
    expect(clockText(0, 7, false)).toBe('0:07');
    expect(clockText(3.9, 7, true)).toBe('0:03');
    expect(clockText(0, null, false)).toBe('0:00');
  });

  it('formats minutes and hours', () => {
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-2)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});

describe('speeds', () => {
  it('cycles 1× → 1.5× → 2× → 1× and reads back only known speeds', () => {
    expect(nextSpeed(1)).toBe(1.5);
    expect(nextSpeed(1.5)).toBe(2);
    expect(nextSpeed(2)).toBe(1);
    expect(parseSpeed('1.5')).toBe(1.5);
    expect(parseSpeed('3')).toBe(1);
    expect(parseSpeed(null)).toBe(1);
  });
});

describe('nextVoiceNote', () => {
  it('picks the next playable voice note after the one that ended', () => {
    const messages = [
      message('a', 'voice'),
      message('b', 'text'),
      message('c', 'audio'),
      message('d', 'voice', { revoked: true }),
      message('e', 'voice'),
      message('f', 'voice'),
    ];
    expect(nextVoiceNote(messages, 'a')?.id).toBe('e');
    expect(nextVoiceNote(messages, 'e')?.id).toBe('f');
    expect(nextVoiceNote(messages, 'f')).toBeNull();
    expect(nextVoiceNote(messages, 'gone')).toBeNull();
  });

  it('skips voice notes whose recording retention removed', () => {
    const removed = message('b', 'voice');
    removed.media = { ...removed.media!, removedAt: '2026-01-01T00:00:00Z' };
    expect(nextVoiceNote([message('a', 'voice'), removed], 'a')).toBeNull();
  });
});

describe('seekTarget', () => {
  it('moves 5 s with arrows, a tenth with Page keys, to the ends with Home/End, within the note', () => {
    expect(seekTarget('ArrowRight', 10, 60)).toBe(15);
    expect(seekTarget('ArrowLeft', 3, 60)).toBe(0);
    expect(seekTarget('ArrowRight', 58, 60)).toBe(60);
    expect(seekTarget('PageUp', 10, 60)).toBe(16);
    expect(seekTarget('Home', 10, 60)).toBe(0);
    expect(seekTarget('End', 10, 60)).toBe(60);
    expect(seekTarget('a', 10, 60)).toBeNull();
  });

  it('mirrors the arrows in right-to-left', () => {
    expect(seekTarget('ArrowLeft', 10, 60, true)).toBe(15);
    expect(seekTarget('ArrowRight', 10, 60, true)).toBe(5);
  });
});
