import { FormattedMessage } from 'react-intl';
import type { Chat } from '../../../../src-shared/messages';
import { chatTitle } from '../../../model/inbox/format';
import { ConfirmChatDialog } from './ConfirmChatDialog';

/** "Block Dana?" / "Unblock Dana?": what it means for the customer, and that the phone does the same. */
export function BlockDialog({
  chat,
  blocked,
  onConfirm,
  onClose,
}: {
  chat: Pick<Chat, 'jid' | 'name' | 'phone'>;
  blocked: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const name = <bdi>{chatTitle(chat)}</bdi>;
  return (
    <ConfirmChatDialog
      title={
        <FormattedMessage
          id={blocked ? 'inbox-parity.unblock.title' : 'inbox-parity.block.title'}
          values={{ name }}
        />
      }
      confirmLabel={
        <FormattedMessage id={blocked ? 'inbox-parity.unblock.confirm' : 'inbox-parity.block.confirm'} />
      }
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <FormattedMessage id={blocked ? 'inbox-parity.unblock.text' : 'inbox-parity.block.text'} />
    </ConfirmChatDialog>
  );
}
