import { useMemo } from 'react';
import type { Message } from '../../../../src-shared/messages';
import { useT } from '../../../i18n/use-t';
import { clockText, nextSpeed, waveformBars } from '../../../model/inbox/voice';
import { playbackKey, useVoicePlayback } from '../../../stores/voice-playback';
import { InboxIcon } from '../InboxIcon';
import { MediaFallback } from './MediaFallback';
import { VoiceTrack } from './VoiceTrack';
import { useMediaLink } from './useMediaLink';

/** How many bars the waveform draws (WhatsApp's 64 samples, halved to fit a 260px bubble). */
const BAR_COUNT = 40;

/**
 * A voice note or audio message as WhatsApp shows it: play/pause, the waveform to seek on, the
 * length known before playing (the message's `seconds`), then the position, and the speed.
 * Playback itself is the one shared element in stores/voice-playback.ts.
 */
export function AudioMedia({ message }: { message: Message }) {
  const t = useT();
  const { link, error } = useMediaLink(message);
  const key = playbackKey(message);
  const isCurrent = useVoicePlayback((state) => state.current === key);
  const playing = useVoicePlayback((state) => state.current === key && state.playing);
  const position = useVoicePlayback((state) => (state.current === key ? state.position : 0));
  const fileDuration = useVoicePlayback((state) => (state.current === key ? state.fileDuration : null));
  const failed = useVoicePlayback((state) => state.failed === key);
  const speed = useVoicePlayback((state) => state.speed);
  const { play, pause, seek, setSpeed } = useVoicePlayback.getState();
  const bars = useMemo(() => waveformBars(message.media?.waveform, BAR_COUNT), [message.media?.waveform]);

  const voice = message.media?.voiceNote ?? false;
  if (error && !link) return <MediaFallback icon="mic" kind={voice ? 'voice' : 'audio'} error={error} />;
  const duration = message.media?.seconds ?? fileDuration;
  const ready = link !== null;
  const kind = voice ? 'voice' : 'audio';

  return (
    <div
      className="media-audio"
      role="group"
      aria-label={t(voice ? 'inbox.media.voice' : 'inbox.media.audio')}
    >
      <button
        type="button"
        className="voice-play"
        disabled={!ready}
        aria-busy={!ready || undefined}
        aria-label={t(playing ? 'voice.pause' : 'voice.play', { kind })}
        title={t(playing ? 'voice.pause' : 'voice.play', { kind })}
        onClick={() => {
          if (!link) return;
          if (playing) pause();
          else play(message, link.url);
        }}
      >
        <InboxIcon name={playing ? 'pause' : 'play'} size={22} />
      </button>
      <div className="media-audio__body">
        <VoiceTrack
          bars={bars}
          position={position}
          duration={duration ?? 0}
          disabled={!ready || !duration}
          onSeek={(seconds) => link && seek(message, link.url, seconds)}
        />
        <div className="media-audio__meta">
          <span className="media-audio__clock" dir="ltr">
            {clockText(position, duration, isCurrent)}
          </span>
          {failed && (
            <span className="form-error" role="alert">
              {t('voice.failed', { kind })}
            </span>
          )}
        </div>
      </div>
      <button
        type="button"
        className="voice-speed"
        aria-label={t('voice.speed', { speed })}
        title={t('voice.speed', { speed })}
        onClick={() => setSpeed(nextSpeed(speed))}
      >
        {t('voice.speedShort', { speed })}
      </button>
    </div>
  );
}
