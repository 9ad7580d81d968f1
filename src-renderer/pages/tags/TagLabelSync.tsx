import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Tag, TagLabelHistoryEntry } from '../../../src-shared/contract/organize';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { failureValues, newestFailures } from './label-failures';

/**
 * The tag editor's "Sync with WhatsApp labels": one switch per number. On, the tag becomes a
 * WhatsApp Business label on that number and follows it both ways (issue #19); a number that is
 * not a business account, or not connected, is refused and the reason shown beside its switch.
 * A change WhatsApp refused on every try (the label history's newest `failed` of the number) is
 * shown beside it too: it was given up, and the phone does not have it.
 */
export function TagLabelSync({ tag, onChanged }: { tag: Tag; onChanged: () => void }) {
  const intl = useIntl();
  const transport = useTransport();
  const { sessions, loaded, load } = useSessions();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<Record<string, TagLabelHistoryEntry>>({});

  useEffect(() => {
    if (!loaded) void load(transport);
  }, [loaded, load, transport]);

  // Read again whenever the tag changes (the tag list reloads on `tag.label_synced`).
  useEffect(() => {
    let current = true;
    transport
      .call('tags.labelSync', { id: tag.id })
      .then(({ history }) => {
        if (current) setFailures(newestFailures(history));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [transport, tag]);

  const toggle = async (session: string, enabled: boolean) => {
    setBusy(session);
    setErrors(({ [session]: _gone, ...rest }) => rest);
    try {
      await transport.call('tags.setLabelSync', { id: tag.id, session, enabled });
      onChanged();
    } catch (caught) {
      setErrors((current) => ({ ...current, [session]: describeError(caught) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <fieldset className="tag-label-sync">
      <legend className="field__label">
        <FormattedMessage id="tags.labels.title" />
      </legend>
      <p className="muted">
        <FormattedMessage id="tags.labels.intro" />
      </p>
      {loaded && sessions.length === 0 && (
        <p className="muted">
          <FormattedMessage id="tags.labels.noNumbers" />
        </p>
      )}
      <ul className="tag-label-sync__list">
        {sessions.map((session) => {
          const errorId = `tag-label-sync-error-${tag.id}-${session.id}`;
          const error = errors[session.id];
          return (
            <li key={session.id} className="tag-label-sync__item">
              <label className="row">
                <input
                  type="checkbox"
                  checked={tag.syncedWith.includes(session.id)}
                  disabled={busy !== null}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => void toggle(session.id, event.target.checked)}
                />
                <span>
                  {intl.formatMessage(
                    { id: 'tags.labels.number' },
                    { name: session.name || session.id, id: session.id },
                  )}
                </span>
              </label>
              {error && (
                <p id={errorId} className="form-error" role="alert">
                  {error}
                </p>
              )}
              {failures[session.id] && <FailureNote entry={failures[session.id]} />}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A given-up change beside its number; a refused name is the user's own text (isolated). */
function FailureNote({ entry }: { entry: TagLabelHistoryEntry | undefined }) {
  const intl = useIntl();
  const values = failureValues(intl, entry);
  return (
    <p className="form-error">
      <FormattedMessage id="tags.labels.failed" values={{ ...values, name: <bdi>{values.name}</bdi> }} />
    </p>
  );
}
