import { useState } from 'react';
import type { Chat } from '../../../../src-shared/messages';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { ActionFeedback } from './ActionFeedback';

/** Leaving the group, after a confirmation; the chat stays, read-only. */
export function GroupLeave({ chat, subject }: { chat: Chat; subject: string }) {
  const t = useT();
  const transport = useTransport();
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  return (
    <section className="contact-panel__section" aria-label={t('groupinfo.leave.title')}>
      <ConfirmButton
        label={t('groupinfo.leave.button')}
        question={t('groupinfo.leave.question', { subject })}
        confirmLabel={t('groupinfo.leave.confirm')}
        disabled={left}
        onConfirm={async () => {
          setError(null);
          try {
            await transport.call('groupInfo.leave', { session: chat.session, chat: chat.jid });
            setLeft(true);
          } catch (caught) {
            setError(describeError(caught));
          }
        }}
      />
      <ActionFeedback notice={left ? t('groupinfo.leave.done') : null} error={error} />
    </section>
  );
}
