/**
 * The one audio element that plays voice notes and audio messages. One at a time, as in
 * WhatsApp: starting a note pauses the other, and when a voice note ends the next voice note of
 * the open chat starts (fetched here, so it plays even if its bubble is scrolled out of view).
 * The speed is remembered in this browser.
 */
import { create } from 'zustand';
import type { Message } from '../../src-shared/messages';
import { nextVoiceNote, parseSpeed, type Speed } from '../model/inbox/voice';
import { useConnection } from './connection';
import { useConversation } from './conversation';

const SPEED_KEY = 'chatdock.voice.speed';

export type PlayableMessage = Pick<Message, 'session' | 'chat' | 'id' | 'type' | 'media'>;

export const playbackKey = (message: Pick<Message, 'session' | 'chat' | 'id'>) =>
  `${message.session}|${message.chat}|${message.id}`;

interface VoicePlaybackState {
  /** The note loaded in the element (playing or paused mid-way); null: none. */
  current: string | null;
  playing: boolean;
  /** Seconds into the current note. */
  position: number;
  /** The current note's length as its file says (for audio sent without `seconds`). */
  fileDuration: number | null;
  /** A note that could not be played (its key), so its bubble says so. */
  failed: string | null;
  speed: Speed;
  /** Plays `message` from `url` (or resumes it), pausing any other note. */
  play(message: PlayableMessage, url: string): void;
  pause(): void;
  /** Moves to `seconds` into `message`, loading it (paused) if another note was current. */
  seek(message: PlayableMessage, url: string, seconds: number): void;
  setSpeed(speed: Speed): void;
}

function readSpeed(): Speed {
  try {
    return parseSpeed(localStorage.getItem(SPEED_KEY));
  } catch {
    return 1;
  }
}

let element: HTMLAudioElement | null = null;

export const useVoicePlayback = create<VoicePlaybackState>((set, get) => {
  const audio = (): HTMLAudioElement => {
    if (element) return element;
    element = new Audio();
    element.preload = 'auto';
    element.addEventListener('timeupdate', () => set({ position: element?.currentTime ?? 0 }));
    element.addEventListener('durationchange', () => {
      const seconds = element?.duration ?? NaN;
      set({ fileDuration: Number.isFinite(seconds) ? seconds : null });
    });
    element.addEventListener('play', () => set({ playing: true }));
    element.addEventListener('pause', () => set({ playing: false }));
    element.addEventListener('error', () => set({ failed: get().current, playing: false }));
    element.addEventListener('ended', () => {
      const ended = get().current;
      set({ playing: false, position: 0, current: null });
      if (ended) void playNext(ended);
    });
    return element;
  };

  /** Points the element at `message` unless it already holds it. */
  const load = (message: PlayableMessage, url: string) => {
    const key = playbackKey(message);
    const player = audio();
    if (get().current === key) return player;
    player.src = url;
    player.playbackRate = get().speed;
    set({ current: key, position: 0, fileDuration: null, failed: null });
    return player;
  };

  const start = (player: HTMLAudioElement) => {
    player.playbackRate = get().speed;
    player.play().catch(() => set({ failed: get().current, playing: false }));
  };

  /** After a voice note ends, the next voice note of the open chat plays (WhatsApp does). */
  const playNext = async (endedKey: string) => {
    const { messages } = useConversation.getState();
    const endedMessage = messages.find((message) => playbackKey(message) === endedKey);
    if (!endedMessage?.media?.voiceNote) return;
    const next = nextVoiceNote(messages, endedMessage.id);
    const transport = useConnection.getState().transport;
    if (!next || !transport) return;
    try {
      const link = await transport.call('messages.mediaLink', {
        session: next.session,
        chat: next.chat,
        id: next.id,
      });
      // Someone started another note meanwhile: theirs wins.
      if (get().current !== null) return;
      start(load(next, link.url));
    } catch {
      set({ failed: playbackKey(next) });
    }
  };

  return {
    current: null,
    playing: false,
    position: 0,
    fileDuration: null,
    failed: null,
    speed: readSpeed(),
    play: (message, url) => start(load(message, url)),
    pause: () => element?.pause(),
    seek: (message, url, seconds) => {
      const player = load(message, url);
      player.currentTime = seconds;
      set({ position: seconds });
    },
    setSpeed: (speed) => {
      try {
        localStorage.setItem(SPEED_KEY, String(speed));
      } catch {
        // Private mode: the speed holds until the page reloads.
      }
      if (element) element.playbackRate = speed;
      set({ speed });
    },
  };
});
