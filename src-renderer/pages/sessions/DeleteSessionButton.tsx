import { FormattedMessage, useIntl } from 'react-intl';
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Session } from '../../../src-shared/model';
import type { Confirmation } from '../../../src-shared/contract/confirmation';
import { ConfirmWithPasswordButton } from '../../components/ConfirmWithPassword';

/**
 * "Delete" on a session card: says what goes with the number and offers to keep the chat
 * history; a signed-in person types their password again. The checkbox starts unchecked every
 * time the question opens.
 */
export function DeleteSessionButton({
  session,
  onDelete,
  onError,
}: {
  session: Session;
  onDelete: (keepHistory: boolean, confirmation: Confirmation) => Promise<void>;
  onError: (caught: unknown) => void;
}) {
  const intl = useIntl();
  const keepHistory = useRef(false);
  return (
    <ConfirmWithPasswordButton
      label={intl.formatMessage({ id: 'common.delete' })}
      question={
        <>
          <FormattedMessage id="sessions.delete.question" values={{ name: session.name }} />
          <KeepHistoryCheckbox sessionId={session.id} value={keepHistory} />
        </>
      }
      confirmLabel={intl.formatMessage({ id: 'sessions.delete.confirm' })}
      onConfirm={(confirmation) => onDelete(keepHistory.current, confirmation)}
      onError={onError}
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
        <FormattedMessage id="sessions.delete.keepHistory" values={{ id: sessionId }} />
      </span>
    </label>
  );
}
