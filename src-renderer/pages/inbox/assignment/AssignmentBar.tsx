import '../../../components/assignment/assignment.css';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Assignee } from '../../../../src-shared/contract/assignment';
import { AssigneePicker } from '../../../components/assignment/AssigneePicker';
import { changeOf } from '../../../model/assignment/picker-options';
import { SnoozeMenu } from '../../../components/assignment/SnoozeMenu';
import { STATUS_LABEL } from '../../../model/assignment/labels';
import { useAssignment } from '../../../stores/assignment';
import { useTransport } from '../../../stores/connection';
import { useMe } from '../../../stores/me';
import { assignmentShortcut } from '../../../model/assignment/shortcuts';
import { canChangeAssignment } from '../../../model/assignment/views';
import { useSideCallsReady } from '../side-calls';

/**
 * The conversation's second header row (issue #16): its status, who has it (a searchable picker),
 * Resolve / Reopen and Snooze, with Alt+Shift+A / R / S. A 409 ("Dana has this chat already")
 * is said here, and the row follows `chat.assigned` / `chat.status_changed` live.
 */
export function AssignmentBar({ session, jid }: { session: string; jid: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const me = useMe((state) => state.principal?.user?.id ?? null);
  const canChange = useMe((state) => canChangeAssignment(state.principal, session));
  const current = useAssignment((state) => state.current);
  const candidates = useAssignment((state) => state.candidates);
  const busy = useAssignment((state) => state.busy);
  const error = useAssignment((state) => state.error);
  const conflict = useAssignment((state) => state.conflict);
  const loading = useAssignment((state) => state.loading);
  const [picking, setPicking] = useState(false);
  const [snoozing, setSnoozing] = useState(false);
  const ready = useSideCallsReady();

  useEffect(() => {
    if (!ready) return;
    const assignment = useAssignment.getState();
    void assignment.open(transport, session, jid);
    return () => assignment.close();
  }, [transport, session, jid, ready]);

  const openPicker = useCallback(
    (open: boolean) => {
      setPicking(open);
      if (open && !useAssignment.getState().candidates)
        void useAssignment.getState().loadCandidates(transport);
    },
    [transport],
  );

  const toggleResolved = useCallback(() => {
    const status = useAssignment.getState().current?.status;
    if (!status) return;
    void useAssignment.getState().setStatus(transport, status === 'resolved' ? 'open' : 'resolved');
  }, [transport]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = assignmentShortcut(event);
      if (!action || !canChange || !useAssignment.getState().current) return;
      event.preventDefault();
      if (action === 'assign') openPicker(true);
      else if (action === 'snooze') setSnoozing(true);
      else toggleResolved();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openPicker, toggleResolved, canChange]);

  if (!current) {
    if (loading) return null;
    return error ? (
      <p className="form-error assignment-bar__error" role="alert">
        {error}
      </p>
    ) : null;
  }

  const statusText =
    current.status === 'pending' && current.snoozedUntil
      ? intl.formatMessage(
          { id: 'assignment.status.snoozedUntil' },
          {
            time: intl.formatDate(current.snoozedUntil, {
              weekday: 'short',
              hour: 'numeric',
              minute: '2-digit',
            }),
          },
        )
      : intl.formatMessage({ id: STATUS_LABEL[current.status] });

  return (
    <div
      className="assignment-bar"
      role="toolbar"
      aria-label={intl.formatMessage({ id: 'assignment.bar.label' })}
    >
      <span className={`assignment-bar__status assignment-bar__status--${current.status}`} role="status">
        {statusText}
      </span>
      {!canChange ? (
        <span className="assignment-bar__owner" dir="auto">
          {assigneeText(intl, current.assignee)}
        </span>
      ) : (
        <>
          <AssigneePicker
            label={intl.formatMessage({ id: 'assignment.picker.label' })}
            buttonText={assigneeText(intl, current.assignee)}
            candidates={candidates}
            me={me}
            open={picking}
            onOpenChange={openPicker}
            disabled={busy}
            onPick={(option) => void useAssignment.getState().assign(transport, changeOf(option))}
          />
          {current.status === 'resolved' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={toggleResolved}
            >
              {intl.formatMessage({ id: 'assignment.action.reopen' })}
            </button>
          ) : (
            <button type="button" className="button button--primary" disabled={busy} onClick={toggleResolved}>
              {intl.formatMessage({ id: 'assignment.action.resolve' })}
            </button>
          )}
          <SnoozeMenu
            open={snoozing}
            onOpenChange={setSnoozing}
            disabled={busy}
            onSnooze={(until) => void useAssignment.getState().setStatus(transport, 'pending', until)}
          />
        </>
      )}
      {conflict !== null && (
        <p className="form-error assignment-bar__error" role="alert">
          {conflict
            ? intl.formatMessage({ id: 'assignment.conflict.taken' }, { name: conflict })
            : intl.formatMessage({ id: 'assignment.conflict.unassigned' })}
        </p>
      )}
      {error && (
        <p className="form-error assignment-bar__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function assigneeText(intl: ReturnType<typeof useIntl>, assignee: Assignee): string {
  if (assignee.user && assignee.team)
    return intl.formatMessage(
      { id: 'assignment.assignee.personInTeam' },
      { name: assignee.user.name, team: assignee.team.name },
    );
  if (assignee.user) return assignee.user.name;
  if (assignee.team)
    return intl.formatMessage({ id: 'assignment.assignee.teamQueue' }, { team: assignee.team.name });
  return intl.formatMessage({ id: 'assignment.assignee.nobody' });
}
