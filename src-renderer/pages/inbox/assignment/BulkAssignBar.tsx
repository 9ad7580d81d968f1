import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AssignmentCandidates, ChatStatus } from '../../../../src-shared/contract/assignment';
import { AssigneePicker } from '../../../components/assignment/AssigneePicker';
import { bulkTargets } from '../../../model/assignment/bulk-targets';
import { changeOf, type PickerOption } from '../../../model/assignment/picker-options';
import { recheckChat } from '../../../stores/assignment-view';
import { useTransport } from '../../../stores/connection';
import { useMe } from '../../../stores/me';
import { describeError } from '../../../transport/rpc-error';
import { useBulkRun } from '../select/use-bulk-run';

/**
 * Select mode's assignment actions: assign the ticked chats to a person or team, or resolve
 * them. One `assignment.bulk` per number (all or nothing on each); the list follows by events.
 * Ticked channels are no conversations to assign: left out, with a note saying so (issue #19);
 * with only channels ticked, the actions are not offered.
 */
export function BulkAssignBar({ selected }: { selected: { session: string; chat: string }[] }) {
  const intl = useIntl();
  const transport = useTransport();
  const me = useMe((state) => state.principal?.user?.id ?? null);
  const [picking, setPicking] = useState(false);
  const [candidates, setCandidates] = useState<AssignmentCandidates | null>(null);
  const { busy, run: runBulk, showError, outcome } = useBulkRun();
  const { conversations, channels } = bulkTargets(selected);
  const leftOut =
    channels > 0 ? (
      <p className="muted">
        {intl.formatMessage({ id: 'assignment.bulk.channelsLeftOut' }, { count: channels })}
      </p>
    ) : null;

  const openPicker = (open: boolean) => {
    setPicking(open);
    const first = conversations[0];
    if (open && first) {
      setCandidates(null);
      transport
        .call('assignment.candidates', first)
        .then(setCandidates)
        .catch((caught: unknown) => {
          setPicking(false);
          showError(describeError(caught));
        });
    }
  };

  const run = (change: { user?: string | null; team?: string | null; status?: ChatStatus }) => {
    const bySession = new Map<string, string[]>();
    for (const { session, chat } of conversations)
      bySession.set(session, [...(bySession.get(session) ?? []), chat]);
    return runBulk(
      async (count) => {
        for (const [session, chats] of bySession) {
          const { items } = await transport.call('assignment.bulk', { session, chats, ...change });
          count(items.length);
          for (const item of items) recheckChat(transport, session, item.chat);
        }
      },
      {
        done: (count) => intl.formatMessage({ id: 'assignment.bulk.done' }, { count }),
        partial: (done, reason) =>
          intl.formatMessage(
            { id: 'assignment.bulk.partial' },
            { done, total: conversations.length, reason },
          ),
      },
    );
  };

  if (channels > 0 && conversations.length === 0) return leftOut;

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
        disabled={busy || conversations.length === 0}
        onPick={(option: PickerOption) => void run(changeOf(option))}
      />
      <button
        type="button"
        className="button button--secondary"
        disabled={busy || conversations.length === 0}
        onClick={() => void run({ status: 'resolved' })}
      >
        {intl.formatMessage({ id: 'assignment.bulk.resolve' })}
      </button>
      {leftOut}
      {outcome}
    </div>
  );
}
