import { useState } from 'react';
import type { GroupInfo } from '../../../../src-shared/contract/groups';
import type { Chat, Group } from '../../../../src-shared/messages';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';

/** The group's description, and the form that changes it and the subject. */
export function GroupAbout({
  chat,
  group,
  mayEdit,
  onChanged,
}: {
  chat: Chat;
  group: Group;
  mayEdit: boolean;
  onChanged: (info: GroupInfo) => void;
}) {
  const t = useT();
  const transport = useTransport();
  const [editing, setEditing] = useState(false);
  const [subject, setSubject] = useState(group.subject);
  const [description, setDescription] = useState(group.description ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const startEditing = () => {
    setSubject(group.subject);
    setDescription(group.description ?? '');
    setError(null);
    setEditing(true);
  };

  const save = async () => {
    if (!subject.trim()) return setError(t('groupinfo.about.subjectRequired'));
    setSaving(true);
    try {
      const change = {
        ...(subject.trim() !== group.subject ? { subject: subject.trim() } : {}),
        ...(description !== (group.description ?? '') ? { description } : {}),
      };
      onChanged(
        await transport.call('groupInfo.update', { session: chat.session, chat: chat.jid, ...change }),
      );
      setEditing(false);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };

  if (editing)
    return (
      <form
        className="contact-panel__section group-about"
        aria-label={t('groupinfo.about.editTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('groupinfo.about.subject')}</span>
          <input
            dir="auto"
            value={subject}
            maxLength={100}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'group-about-error' : undefined}
            onChange={(event) => setSubject(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('groupinfo.about.description')}</span>
          <textarea
            dir="auto"
            rows={3}
            maxLength={2048}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        {error && (
          <p id="group-about-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="group-info__buttons">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t(saving ? 'groupinfo.about.saving' : 'groupinfo.about.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
            {t('groupinfo.cancel')}
          </button>
        </div>
      </form>
    );

  return (
    <section className="contact-panel__section" aria-label={t('groupinfo.about.title')}>
      <h3 className="group-info__heading">{t('groupinfo.about.description')}</h3>
      {group.description ? (
        <p className="group-about__text" dir="auto">
          {group.description}
        </p>
      ) : (
        <p className="muted">{t('groupinfo.about.none')}</p>
      )}
      {mayEdit && (
        <button type="button" className="button button--secondary" onClick={startEditing}>
          {t('groupinfo.about.edit')}
        </button>
      )}
    </section>
  );
}
