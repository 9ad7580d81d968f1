import { useEffect, useState } from 'react';
import type { Chat, Group } from '../../../../src-shared/messages';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { ActionFeedback } from './ActionFeedback';

type Setting = 'announce' | 'restrict' | 'joinApproval';
const SETTINGS: readonly Setting[] = ['announce', 'restrict', 'joinApproval'];
const WORDS = {
  announce: { label: 'groupjoin.settings.announce', hint: 'groupjoin.settings.announceHint' },
  restrict: { label: 'groupjoin.settings.restrict', hint: 'groupjoin.settings.restrictHint' },
  joinApproval: { label: 'groupjoin.settings.joinApproval', hint: 'groupjoin.settings.joinApprovalHint' },
} as const;
/** `announce` is stored as the group's `readOnly`. */
const current = (group: Group, setting: Setting) =>
  setting === 'announce' ? group.readOnly : group[setting];

/**
 * Who may send, who may edit the group's info, and whether admins approve newcomers. Admins
 * switch them (every member's phone follows); others see them, read-only. The panel reloads on
 * WhatsApp's `group.updated`, so once it does the boxes show what WhatsApp says.
 */
export function GroupSettings({ chat, group, admin }: { chat: Chat; group: Group; admin: boolean }) {
  const t = useT();
  const transport = useTransport();
  const [busy, setBusy] = useState<Setting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // What was clicked, shown until WhatsApp's own answer (`group.updated`) reloads the group.
  const [pending, setPending] = useState<Partial<Record<Setting, boolean>>>({});
  useEffect(() => setPending({}), [group]);

  const change = async (setting: Setting, on: boolean) => {
    setBusy(setting);
    setError(null);
    setNotice(null);
    setPending((before) => ({ ...before, [setting]: on }));
    try {
      await transport.call('groups.settings', { session: chat.session, chat: chat.jid, [setting]: on });
      setNotice(t('groupjoin.settings.saved'));
    } catch (caught) {
      setPending((before) => ({ ...before, [setting]: undefined }));
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="contact-panel__section" aria-label={t('groupjoin.settings.title')}>
      <h3 className="group-info__heading">{t('groupjoin.settings.title')}</h3>
      <div className="group-settings">
        {SETTINGS.map((setting) => (
          <label key={setting} className="group-settings__row">
            <input
              type="checkbox"
              checked={pending[setting] ?? current(group, setting)}
              disabled={!admin || busy !== null}
              aria-busy={busy === setting || undefined}
              onChange={(event) => void change(setting, event.target.checked)}
            />
            <span className="group-settings__text">
              <span>{t(WORDS[setting].label)}</span>
              <span className="field__hint">{t(WORDS[setting].hint)}</span>
            </span>
          </label>
        ))}
      </div>
      {!admin && <p className="field__hint">{t('groupjoin.settings.adminsOnly')}</p>}
      <ActionFeedback notice={notice} error={error} />
    </section>
  );
}
