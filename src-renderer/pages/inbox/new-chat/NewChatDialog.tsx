import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { countryOf, formatPhone, parseTypedPhone } from '../../../model/phone';
import { useTransport } from '../../../stores/connection';
import { useSessions } from '../../../stores/sessions';
import { chatPath } from '../paths';
import { checkNumber, sessionLabel } from './check-number';
import { ContactMatchList } from '../../../components/contacts/ContactMatchList';
import { useContactSearch } from '../../../components/contacts/use-contact-search';

/**
 * New chat: a number typed in any common format (read in the linked phone's country when it
 * has no +) or a contact picked by name, and the linked number to write from. WhatsApp is asked
 * whether the number has an account before the conversation opens; problems show beside their field.
 */
export function NewChatDialog({
  initialPhone = '',
  initialSession,
  onClose,
  onOpened,
  onJoinGroup,
}: {
  initialPhone?: string;
  initialSession?: string | null;
  onClose: () => void;
  /** The conversation opened (the search that offered the number is done). */
  onOpened: () => void;
  /** "Join a group by link" instead (issue #19). */
  onJoinGroup?: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const navigate = useNavigate();
  const sessions = useSessions((state) => state.sessions);
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [text, setText] = useState(initialPhone);
  const [sessionId, setSessionId] = useState(
    () => initialSession ?? sessions.find((s) => s.status === 'connected')?.id ?? sessions[0]?.id ?? '',
  );
  const [errors, setErrors] = useState<{ phone?: string; session?: string }>({});
  const [busy, setBusy] = useState(false);
  const session = sessions.find((s) => s.id === sessionId) ?? null;
  const phone = parseTypedPhone(text, countryOf(session?.phone));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // A name typed: the contacts of this number that match it.
  const contacts = useContactSearch(session?.id, text);

  const open = async (digits: string, display: string) => {
    if (!session) {
      setErrors({ session: intl.formatMessage({ id: 'inbox.newChat.noSession' }) });
      return;
    }
    setBusy(true);
    const result = await checkNumber(transport, session, { digits, display });
    setBusy(false);
    if (!result.ok) {
      setErrors({ [result.field]: result.message });
      return;
    }
    onClose();
    onOpened();
    void navigate(chatPath(session.id, result.jid));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!phone) {
      setErrors({
        phone: intl.formatMessage({
          id: text.trim() ? 'inbox.newChat.notAPhone' : 'inbox.newChat.phoneRequired',
        }),
      });
      return;
    }
    void open(phone.digits, phone.display);
  };

  const phoneError = errors.phone;
  const sessionError = errors.session;
  return (
    <dialog
      ref={ref}
      className="inbox-dialog new-chat"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-title`}>
          <FormattedMessage id="inbox.newChat" />
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-phone`}>
            <FormattedMessage id="inbox.newChat.phoneLabel" />
          </label>
          <input
            id={`${ids}-phone`}
            type="text"
            inputMode="tel"
            autoComplete="off"
            autoFocus
            placeholder={intl.formatMessage({ id: 'inbox.newChat.phonePlaceholder' })}
            value={text}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={`${ids}-phone-hint${phoneError ? ` ${ids}-phone-error` : ''}`}
            onChange={(event) => {
              setText(event.target.value);
              setErrors({});
            }}
          />
          <p id={`${ids}-phone-hint`} className="field__hint">
            {phone ? (
              <FormattedMessage
                id="inbox.newChat.willWrite"
                values={{ phone: <bdi dir="ltr">{phone.display}</bdi> }}
              />
            ) : (
              <FormattedMessage id="inbox.newChat.phoneHint" />
            )}
          </p>
          {phoneError && (
            <p id={`${ids}-phone-error`} className="field-error" role="alert">
              {phoneError}
            </p>
          )}
        </div>
        <ContactMatchList
          contacts={contacts}
          label={intl.formatMessage({ id: 'inbox.newChat.matchingContacts' })}
          disabled={busy}
          onPick={(contact) => void open(contact.phone ?? '', formatPhone(contact.phone) ?? contact.jid)}
        />
        {sessions.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-session`}>
              <FormattedMessage id="inbox.newChat.writeFrom" />
            </label>
            <select
              id={`${ids}-session`}
              value={sessionId}
              aria-invalid={sessionError ? true : undefined}
              aria-describedby={sessionError ? `${ids}-session-error` : undefined}
              onChange={(event) => {
                setSessionId(event.target.value);
                setErrors({});
              }}
            >
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.status === 'connected'
                    ? sessionLabel(s)
                    : intl.formatMessage({ id: 'inbox.newChat.offlineOption' }, { label: sessionLabel(s) })}
                </option>
              ))}
            </select>
          </div>
        )}
        {sessionError && (
          <p id={`${ids}-session-error`} className="field-error" role="alert">
            {sessionError}
          </p>
        )}
        {onJoinGroup && (
          <p>
            <button type="button" className="link-button" onClick={onJoinGroup}>
              <FormattedMessage id="groupjoin.fromNewChat" />
            </button>
          </p>
        )}
        <div className="row inbox-dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            <FormattedMessage id="inbox.outgoing.cancel" />
          </button>
          <button type="submit" className="button" disabled={busy}>
            {intl.formatMessage({ id: busy ? 'inbox.newChat.checking' : 'inbox.newChat.open' })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
