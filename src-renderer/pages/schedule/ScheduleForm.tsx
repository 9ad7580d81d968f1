import { useEffect, useState, type FormEvent } from 'react';
import type { Schedule } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import type { SendMessageInput } from '../../../src-shared/send-schemas';
import { RecipientField } from '../../components/contacts/RecipientField';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { browserZone, soon, toLocal, toSendAt } from './when';
import { RepeatFields, repeatOf, WhenFields, type RepeatChoice } from './WhenFields';
import { FormActions } from '../../components/FormActions';
import { newIdempotencyKey } from '../../model/inbox/ids';

type Kind = 'text' | 'image' | 'video' | 'document' | 'audio';
const ATTACHMENT_KINDS: Kind[] = ['image', 'video', 'document', 'audio'];

interface Attachment {
  data: string;
  fileName: string;
}

function readFile(file: File): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ data: String(reader.result), fileName: file.name });
    reader.onerror = () => reject(new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

function initialKind(message: SendMessageInput | undefined): Kind {
  const type = message?.type;
  return type && (type === 'text' || ATTACHMENT_KINDS.includes(type as Kind)) ? (type as Kind) : 'text';
}

/** Create or edit a scheduled message: session, recipient, text or attachment, when, repeat. */
export function ScheduleForm({
  initial,
  sessions,
  onSaved,
  onCancel,
}: {
  initial: Schedule | null;
  sessions: Session[];
  onSaved: (schedule: Schedule) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const transport = useTransport();
  // A scheduled Status (issue #19) is made in the Status view and not edited here (no Edit button).
  const message = initial?.message.type === 'status' ? undefined : initial?.message;
  const [session, setSession] = useState(initial?.session ?? sessions[0]?.id ?? '');
  const [to, setTo] = useState(message?.to ?? '');
  const [kind, setKind] = useState<Kind>(initialKind(message));
  const [text, setText] = useState(
    message?.type === 'text' ? message.text : message && 'caption' in message ? (message.caption ?? '') : '',
  );
  const [attachment, setAttachment] = useState<Attachment | null>(
    message && 'media' in message && message.media.data
      ? { data: message.media.data, fileName: message.media.fileName ?? 'attachment' }
      : null,
  );
  const [zone, setZone] = useState(initial?.timeZone ?? browserZone());
  const [when, setWhen] = useState(() =>
    initial ? toLocal(Date.parse(initial.sendAt), initial.timeZone) : soon(browserZone()),
  );
  const [repeat, setRepeat] = useState<RepeatChoice>(initial?.repeat?.kind ?? 'none');
  const [expression, setExpression] = useState(
    initial?.repeat?.kind === 'cron' ? initial.repeat.expression : '',
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per draft: saving the same draft again (after an error, such as an answer lost with
  // the connection) reuses it, so the message is scheduled once; any change starts a new one.
  const [createKey, setCreateKey] = useState(newIdempotencyKey);
  useEffect(() => {
    setCreateKey(newIdempotencyKey());
  }, [session, to, kind, text, attachment, zone, when, repeat, expression]);

  const build = (): SendMessageInput => {
    if (kind === 'text') return { type: 'text', to, text };
    if (!attachment) throw new Error(t('schedule.form.chooseFile'));
    const media = { data: attachment.data, fileName: attachment.fileName };
    if (kind === 'audio') return { type: 'audio', to, media };
    if (kind === 'document')
      return { type: 'document', to, media, fileName: attachment.fileName, caption: text || undefined };
    return { type: kind, to, media, caption: text || undefined };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const sendAt = toSendAt(when, zone);
    if (!sendAt) return setError(t('schedule.when.pick'));
    setBusy(true);
    try {
      const input = {
        message: build(),
        sendAt: sendAt.iso,
        timeZone: zone,
        repeat: repeatOf(repeat, expression),
      };
      const saved = initial
        ? await transport.call('schedules.update', { id: initial.id, ...input })
        : await transport.call('schedules.create', { session, ...input, idempotencyKey: createKey });
      onSaved(saved);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card schedule-form"
      aria-label={t(initial ? 'schedule.form.editLabel' : 'schedule.form.newLabel')}
      onSubmit={(event) => void submit(event)}
    >
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">{t('schedule.form.session')}</span>
          <select
            value={session}
            disabled={Boolean(initial)}
            onChange={(event) => setSession(event.target.value)}
          >
            {sessions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.id})
              </option>
            ))}
          </select>
        </label>
        <RecipientField
          session={session || null}
          label={t('schedule.form.to')}
          required
          value={to}
          placeholder={t('schedule.form.toPlaceholder')}
          onChange={setTo}
        />
        <label className="field">
          <span className="field__label">{t('schedule.form.type')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            {(['text', ...ATTACHMENT_KINDS] as const).map((value) => (
              <option key={value} value={value}>
                {t('schedule.form.kind', { kind: value })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {kind !== 'text' && (
        <label className="field">
          <span className="field__label">{t('schedule.form.attachment')}</span>
          <input
            type="file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) readFile(file).then(setAttachment, () => setError(t('schedule.form.readFailed')));
            }}
          />
          {attachment && <span className="muted">{attachment.fileName}</span>}
        </label>
      )}
      {kind !== 'audio' && (
        <label className="field">
          <span className="field__label">
            {t(kind === 'text' ? 'schedule.form.message' : 'schedule.form.caption')}
          </span>
          <textarea
            rows={3}
            required={kind === 'text'}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
      )}
      <WhenFields value={when} zone={zone} onChange={setWhen} onZoneChange={setZone} />
      <RepeatFields
        choice={repeat}
        expression={expression}
        onChange={(choice, value) => {
          setRepeat(choice);
          setExpression(value);
        }}
      />
      <FormActions
        error={error}
        submitLabel={t(
          busy ? 'schedule.form.saving' : initial ? 'schedule.form.saveChanges' : 'schedule.form.submit',
        )}
        disabled={busy || !session}
        onCancel={onCancel}
      />
    </form>
  );
}
