import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AssignmentCandidates, ChatStatus } from '../../../../src-shared/contract/assignment';
import { AssigneePicker } from '../../../components/assignment/AssigneePicker';
import { changeOf, type PickerOption } from '../../../model/assignment/picker-options';
import { recheckChat } from '../../../stores/assignment-view';
import { useChatSelection } from '../../../stores/chat-selection';
import { useTransport } from '../../../stores/connection';
import { useMe } from '../../../stores/me';
import { describeError } from '../../../transport/rpc-error';

/**
 * Select mode's assignment actions: assign the ticked chats to a person or team, or resolve
 * them. One `assignment.bulk` per number (all or nothing on each); the list follows by events.
 */
export function BulkAssignBar({ selected }: { selected: { session: string; chat: string }[] }) {
  const intl = useIntl();
  const transport = useTransport();
  const me = useMe((state) => state.principal?.user?.id ?? null);
  const [picking, setPicking] = useState(false);
  const [candidates, setCandidates] = useState<AssignmentCandidates | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openPicker = (open: boolean) => {
    setPicking(open);
    const first = selected[0];
    if (open && first) {
      setCandidates(null);
      transport
        .call('assignment.candidates', first)
        .then(setCandidates)
        .catch((caught: unknown) => {
          setPicking(false);
          setError(describeError(caught));
        });
    }
  };

  const run = async (change: { user?: string | null; team?: string | null; status?: ChatStatus }) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    const bySession = new Map<string, string[]>();
    for (const { session, chat } of selected)
      bySession.set(session, [...(bySession.get(session) ?? []), chat]);
    let done = 0;
    try {
      for (const [session, chats] of bySession) {
        const { items } = await transport.call('assignment.bulk', { session, chats, ...change });
        done += items.length;
        for (const item of items) recheckChat(transport, session, item.chat);
      }
      setMessage(intl.formatMessage({ id: 'assignment.bulk.done' }, { count: done }));
      useChatSelection.getState().clear();
    } catch (caught) {
      setError(
        intl.formatMessage(
          { id: 'assignment.bulk.partial' },
          { done, total: selected.length, reason: describeError(caught) },
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="selection-bar__row"
      role="group"
      aria-label={intl.formatMessage({ id: 'assignment.bulk.label' })}
    >
      <AssigneePicker
        label={intl.formatMessage({ id: 'assignment.bulk.assignTo' })}
        buttonText={intl.formatMessage({ id: 'assignment.bulk.assign' })}
        candidates={candidates}
        me={me}
        open={picking}
        onOpenChange={openPicker}
        disabled={busy || selected.length === 0}
        onPick={(option: PickerOption) => void run(changeOf(option))}
      />
      <button
        type="button"
        className="button button--secondary"
        disabled={busy || selected.length === 0}
        onClick={() => void run({ status: 'resolved' })}
      >
        {intl.formatMessage({ id: 'assignment.bulk.resolve' })}
      </button>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
