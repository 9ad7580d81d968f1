import { useT } from '../../i18n/use-t';
import { useEffect, useRef, useState } from 'react';
import { InboxIcon } from './InboxIcon';
import { formatDuration } from '../../model/inbox/format';
import { voiceNoteMimetype } from '../../model/inbox/media-kind';

export interface Recording {
  blob: Blob;
  mimetype: string;
}

/** The recording format, or null where the browser cannot record (then no mic button is shown). */
export function recordingMimetype(): string | null {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null;
  return voiceNoteMimetype((type) => MediaRecorder.isTypeSupported(type));
}

/** Records a voice note: the mic button starts, Send stops and hands it over, the bin discards it. */
export function VoiceRecorder({
  mimetype,
  onRecorded,
  onError,
}: {
  mimetype: string;
  onRecorded: (recording: Recording) => void;
  onError: (message: string) => void;
}) {
  const t = useT();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const recorder = useRef<MediaRecorder | null>(null);
  const keep = useRef(false);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [startedAt]);

  useEffect(() => () => recorder.current?.stop(), []);

  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const media = new MediaRecorder(stream, { mimeType: mimetype });
      media.ondataavailable = (event) => chunks.push(event.data);
      media.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        setStartedAt(null);
        if (keep.current && chunks.length)
          onRecorded({ blob: new Blob(chunks, { type: mimetype }), mimetype });
      };
      recorder.current = media;
      keep.current = false;
      media.start();
      setStartedAt(Date.now());
      setNow(Date.now());
    } catch {
      onError(t('composer.micUnavailable'));
    }
  };

  const stop = (send: boolean) => {
    keep.current = send;
    recorder.current?.stop();
    recorder.current = null;
  };

  if (startedAt === null) {
    return (
      <button
        type="button"
        className="inbox-btn"
        aria-label={t('composer.record')}
        onClick={() => void start()}
      >
        <InboxIcon name="mic" />
      </button>
    );
  }
  return (
    <div className="recorder" role="group" aria-label={t('composer.recording')}>
      <button
        type="button"
        className="inbox-btn"
        aria-label={t('composer.discardRecording')}
        onClick={() => stop(false)}
      >
        <InboxIcon name="trash" />
      </button>
      <span className="recorder__time" role="timer">
        ● {formatDuration((now - startedAt) / 1000)}
      </span>
      <button
        type="button"
        className="inbox-btn inbox-btn--accent"
        aria-label={t('composer.sendVoice')}
        onClick={() => stop(true)}
      >
        <InboxIcon name="send" />
      </button>
    </div>
  );
}
