import type { Message } from '../../../src-shared/messages';
import { useConversation } from '../../stores/conversation';
import { describeError } from '../../transport/rpc-error';
import type { Transport } from '../../transport/types';

/** WhatsApp lets the sender edit a message for 15 minutes. */
const EDIT_WINDOW_MS = 15 * 60 * 1000;

export function canEdit(message: Message, now = Date.now()): boolean {
  return (
    message.fromMe &&
    !message.revoked &&
    (message.type === 'text' || message.text !== null) &&
    now - Date.parse(message.timestamp) < EDIT_WINDOW_MS
  );
}

export function canDelete(message: Message): boolean {
  return message.fromMe && !message.revoked;
}

/** Runs an action on a message; the answer updates the bubble, a failure shows as a notice. */
async function run(action: () => Promise<Message>): Promise<void> {
  const store = useConversation.getState();
  try {
    store.applyMessage(await action());
  } catch (error) {
    store.setNotice(describeError(error));
  }
}

const ref = (message: Message) => ({ session: message.session, chat: message.chat, id: message.id });

export function react(transport: Transport, message: Message, emoji: string): Promise<void> {
  return run(() => transport.call('messages.react', { ...ref(message), emoji }));
}

export function remove(transport: Transport, message: Message): Promise<void> {
  return run(() => transport.call('messages.delete', ref(message)));
}

export function edit(transport: Transport, message: Message, text: string): Promise<void> {
  return run(() => transport.call('messages.edit', { ...ref(message), text }));
}

export async function copy(message: Message): Promise<void> {
  try {
    await navigator.clipboard.writeText(message.text ?? '');
  } catch {
    useConversation.getState().setNotice('Copying is not allowed here.');
  }
}

/** Saves the message's file through a short-lived link. */
export async function download(transport: Transport, message: Message): Promise<void> {
  try {
    const link = await transport.call('messages.mediaLink', ref(message));
    const anchor = document.createElement('a');
    anchor.href = link.url;
    anchor.download = link.fileName ?? message.media?.fileName ?? `${message.type}-${message.id}`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } catch (error) {
    useConversation.getState().setNotice(describeError(error));
  }
}
