import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';

/**
 * "Delete" on a session card: says what goes with the number and offers to keep the chat
 * history. The checkbox starts unchecked every time the question opens.
 */
export function DeleteSessionButton({
  session,
  onDelete,
}: {
  session: Session;
  onDelete: (keepHistory: boolean) => Promise<void>;
}) {
  const keepHistory = useRef(false);
  return (
    <ConfirmButton
      label="Delete"
      question={
        <>
          Delete “{session.name}”? It is logged out of WhatsApp and removed with its API key, its chats,
          messages, contacts, tags and notes on its chats, its media, and its scheduled messages, campaigns
          and webhooks.
          <KeepHistoryCheckbox sessionId={session.id} value={keepHistory} />
        </>
      }
      confirmLabel="Delete session"
      onConfirm={() => onDelete(keepHistory.current)}
    />
  );
}

/** Mounted with the question, so it starts unchecked each time; tells the button through `value`. */
function KeepHistoryCheckbox({ sessionId, value }: { sessionId: string; value: MutableRefObject<boolean> }) {
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    value.current = false;
  }, [value]);
  return (
    <label className="checkbox delete-session__keep">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          value.current = event.target.checked;
          setChecked(event.target.checked);
        }}
      />
      <span>
        Keep chat history: chats, messages and contacts stay stored (hidden) and come back if a number is
        added again with the id “{sessionId}”.
      </span>
    </label>
  );
}
