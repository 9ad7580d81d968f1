import '../../../components/assignment/assignment.css';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useTransport } from '../../../stores/connection';
import { useForeignReply } from '../../../stores/foreign-reply';
import { useMe } from '../../../stores/me';
import { useStaffPresence } from '../../../stores/staff-presence';
import { canChangeAssignment } from '../../../model/assignment/views';
import { useSideCallsReady } from '../side-calls';

/**
 * The collision guard above the composer (issue #16): "Dana is viewing", "Dana is typing a
 * reply", live from `staff.presence`. While the chat is open this window says it is here too
 * (only people who may write: the guard is about who could answer).
 */
export function CollisionNotice({ session, jid }: { session: string; jid: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const isPerson = useMe((state) => state.principal?.user != null);
  const mayWrite = useMe((state) => canChangeAssignment(state.principal, session));
  const people = useStaffPresence((state) => state.people);
  const ready = useSideCallsReady();

  useEffect(() => {
    if (!ready) return;
    const presence = useStaffPresence.getState();
    presence.enter(transport, session, jid, isPerson && mayWrite);
    return () => presence.leave();
  }, [transport, session, jid, isPerson, mayWrite, ready]);

  useEffect(() => {
    if (ready) void useForeignReply.getState().load(transport);
  }, [transport, ready]);

  if (people.length === 0) return null;
  return (
    <p className="collision-notice" role="status" aria-live="polite">
      {people
        .map((person) =>
          intl.formatMessage(
            { id: person.state === 'typing' ? 'assignment.presence.typing' : 'assignment.presence.viewing' },
            { name: person.user.name },
          ),
        )
        .join(' · ')}
    </p>
  );
}
