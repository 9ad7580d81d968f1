import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { mediaMessage, sendKindFor } from '../../../model/inbox/media-kind';
import { AttachmentPreview } from '../AttachmentPreview';
import { readAsDataUrl } from '../files';

/**
 * The composer while files are attached: their preview with one caption, sent one message per
 * file (the first answers the message being replied to).
 */
export function AttachmentsMode({
  jid,
  files,
  captionSeed,
  onDone,
  onSent,
  onCancel,
}: {
  jid: string;
  files: File[];
  /** The caption the preview starts with (a saved reply's text). */
  captionSeed: string;
  /** The files were handed to the outbox: back to the message box. */
  onDone: () => void;
  /** Every file is on its way (the message box is back by then). */
  onSent: () => void;
  /** Back to the message box without sending; the caption typed so far. */
  onCancel: (caption: string) => void;
}) {
  const transport = useTransport();
  const store = useConversation.getState;

  const send = async (caption: string) => {
    const quote = store().replyTo?.id;
    onDone();
    store().setReplyTo(null);
    // The caption goes with the first file that can carry one; audio cannot, so with only audio
    // it is sent as a text first.
    const captioned = files.findIndex((file) => sendKindFor(file.type) !== 'audio');
    if (captioned === -1 && caption.trim()) {
      await store().send(transport, { type: 'text', to: jid, text: caption.trim() });
    }
    for (const [index, file] of files.entries()) {
      try {
        const dataUrl = await readAsDataUrl(file);
        const input = mediaMessage(
          jid,
          {
            dataUrl,
            mimetype: file.type || 'application/octet-stream',
            fileName: file.name,
            caption: index === captioned ? caption : undefined,
          },
          index === 0 ? quote : undefined,
        );
        const preview = sendKindFor(file.type) === 'image' ? URL.createObjectURL(file) : null;
        void store().send(transport, input, preview);
      } catch (error) {
        store().setNotice(error instanceof Error ? error.message : String(error));
      }
    }
    onSent();
  };

  return (
    <AttachmentPreview
      files={files}
      initialCaption={captionSeed}
      onSend={(caption) => void send(caption)}
      onCancel={onCancel}
    />
  );
}
