import { useState } from 'react';
import { useSessions } from '../../../stores/sessions';
import { sessionLabel } from '../new-chat/check-number';

/** The number a dialog acts for: the one asked for, else the first connected, else the first. */
export function useDialogSession(preferred?: string | null) {
  const sessions = useSessions((state) => state.sessions);
  return useState(
    () => preferred ?? sessions.find((s) => s.status === 'connected')?.id ?? sessions[0]?.id ?? '',
  );
}

/** Which number to act for; shown only when there is more than one. */
export function SessionField({
  ids,
  label,
  value,
  onChange,
}: {
  ids: string;
  label: string;
  value: string;
  onChange: (session: string) => void;
}) {
  const sessions = useSessions((state) => state.sessions);
  if (sessions.length <= 1) return null;
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-session`}>
        {label}
      </label>
      <select id={`${ids}-session`} value={value} onChange={(event) => onChange(event.target.value)}>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {sessionLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
