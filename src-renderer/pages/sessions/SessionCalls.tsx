import { useId, useState } from 'react';
import type { Session } from '../../../src-shared/model';
import { CallLog } from './CallLog';
import { CallSettingsForm } from './CallSettingsForm';
import '../../styles/sessions.css';

/**
 * A session card's "Calls" section, folded until opened: automatic rejection (with a message to
 * the caller) and the recent call log.
 */
export function SessionCalls({ session }: { session: Session }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="session-calls">
      <button
        type="button"
        className="session-calls__toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="session-calls__chevron">
          ›
        </span>
        Calls
      </button>
      {open && (
        <section id={regionId} className="session-calls__body" aria-label={`Calls to ${session.name}`}>
          <CallSettingsForm sessionId={session.id} />
          <CallLog sessionId={session.id} />
        </section>
      )}
    </div>
  );
}
