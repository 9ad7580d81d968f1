import { FormattedMessage } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { useTransport } from '../../../stores/connection';
import { useConversation } from '../../../stores/conversation';
import { useMe } from '../../../stores/me';
import { describeError } from '../../../transport/rpc-error';
import { chatRights } from './chat-rights';
import { StarIcon } from './StarIcon';

/**
 * "Star" / "Unstar" in a message's action menu (issue #19): the phone and the number's other
 * linked devices show the same star (WhatsApp app-state). Hidden from who cannot write on the
 * number (read-only agents): the server would refuse it.
 */
export function StarMenuItem({ message, onDone }: { message: Message; onDone: () => void }) {
  const transport = useTransport();
  const { write } = chatRights(
    useMe((state) => state.principal),
    message.session,
  );
  const starred = message.starred === true;
  if (!write) return null;

  const toggle = async () => {
    onDone();
    try {
      const updated = await transport.call('stars.set', {
        session: message.session,
        chat: message.chat,
        id: message.id,
        starred: !starred,
      });
      useConversation.getState().applyMessage(updated);
    } catch (caught) {
      useConversation.getState().setNotice(describeError(caught));
    }
  };

  return (
    <button type="button" role="menuitem" className="msg-menu__item" onClick={() => void toggle()}>
      <StarIcon filled={!starred} />
      <FormattedMessage id={starred ? 'inbox-parity.star.remove' : 'inbox-parity.star.add'} />
    </button>
  );
}
