import { useIntl } from 'react-intl';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { mediaMessage } from '../../../model/inbox/media-kind';
import { readAsDataUrl } from '../files';
import { InboxIcon } from '../InboxIcon';
import { recordingMimetype, VoiceRecorder, type Recording } from '../VoiceRecorder';

/** What this browser records voice notes as; null: it cannot, so the send button always shows. */
const voiceMimetype = recordingMimetype();

/**
 * The button after the message box: Send (or Save edit) once there is text, otherwise the voice
 * note recorder, whose recording is sent as a voice note to the open chat.
 */
export function SendOrRecord({
  jid,
  hasText,
  editing,
  onSend,
}: {
  jid: string;
  hasText: boolean;
  editing: boolean;
  onSend: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const store = useConversation.getState;

  const sendRecording = async ({ blob, mimetype }: Recording) => {
    const dataUrl = await readAsDataUrl(blob);
    const extension = mimetype.startsWith('audio/ogg') ? 'ogg' : 'webm';
    await store().send(
      transport,
      mediaMessage(
        jid,
        { dataUrl, mimetype, fileName: `voice-note.${extension}`, voiceNote: true },
        store().replyTo?.id,
      ),
    );
    store().setReplyTo(null);
  };

  if (hasText || editing || !voiceMimetype) {
    return (
      <button
        type="button"
        className="inbox-btn inbox-btn--accent"
        aria-label={intl.formatMessage({ id: editing ? 'inbox-composer.saveEdit' : 'inbox-composer.send' })}
        disabled={!hasText}
        onClick={onSend}
      >
        <InboxIcon name="send" />
      </button>
    );
  }
  return (
    <VoiceRecorder
      mimetype={voiceMimetype}
      onRecorded={(recording) => void sendRecording(recording)}
      onError={(message) => store().setNotice(message)}
    />
  );
}
