import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../../i18n/use-t';
import { formatClock, seekTarget } from '../../../model/inbox/voice';

/**
 * The player's track: the waveform's bars (or a plain bar when the note has no waveform), played
 * part in the accent colour. A slider: click or drag to seek, arrows ±5 s, Home/End; mirrored in
 * right-to-left.
 */
export function VoiceTrack({
  bars,
  position,
  duration,
  disabled,
  onSeek,
}: {
  bars: number[] | null;
  position: number;
  duration: number;
  disabled: boolean;
  onSeek: (seconds: number) => void;
}) {
  const t = useT();
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const played = duration > 0 ? Math.min(position / duration, 1) : 0;

  const seekToPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0 || duration <= 0) return;
    const rtl = getComputedStyle(track.current as Element).direction === 'rtl';
    const fromStart = rtl ? box.right - event.clientX : event.clientX - box.left;
    onSeek(Math.min(Math.max(fromStart / box.width, 0), 1) * duration);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const target = seekTarget(event.key, position, duration, rtl);
    if (target === null || disabled) return;
    event.preventDefault();
    onSeek(target);
  };

  return (
    <div
      ref={track}
      className={`voice-track${bars ? '' : ' voice-track--plain'}`}
      role="slider"
      tabIndex={disabled ? -1 : 0}
      aria-label={t('voice.position')}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(position)}
      aria-valuetext={t('voice.positionText', {
        position: formatClock(position),
        duration: formatClock(duration),
      })}
      aria-disabled={disabled || undefined}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (disabled) return;
        dragging.current = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        seekToPointer(event);
      }}
      onPointerMove={(event) => dragging.current && seekToPointer(event)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      {bars ? (
        bars.map((height, index) => (
          <span
            key={index}
            className={`voice-track__bar${(index + 0.5) / bars.length <= played ? ' voice-track__bar--played' : ''}`}
            style={{ blockSize: `${Math.round(height * 100)}%` }}
          />
        ))
      ) : (
        <span className="voice-track__line">
          <span className="voice-track__fill" style={{ inlineSize: `${played * 100}%` }} />
        </span>
      )}
      <span className="voice-track__thumb" style={{ insetInlineStart: `${played * 100}%` }} />
    </div>
  );
}
