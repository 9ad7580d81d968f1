import '../../../components/assignment/assignment.css';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useTransport } from '../../../stores/connection';
import { useForeignReply } from '../../../stores/foreign-reply';
import { useMe } from '../../../stores/me';
import { useStaffPresence } from '../../../stores/staff-presence';
import { canChangeAssignment } from '../../../model/assignment/views';

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

  useEffect(() => {
    const presence = useStaffPresence.getState();
    presence.enter(transport, session, jid, isPerson && mayWrite);
    return () => presence.leave();
  }, [transport, session, jid, isPerson, mayWrite]);

  useEffect(() => {
    void useForeignReply.getState().load(transport);
  }, [transport]);

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
