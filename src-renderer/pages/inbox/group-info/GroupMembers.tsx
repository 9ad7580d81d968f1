import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { GroupInfo, GroupMember } from '../../../../src-shared/contract/groups';
import type { Chat } from '../../../../src-shared/messages';
import { useT } from '../../../i18n/use-t';
import { filterMembers, memberChangeProblem, memberTitle } from '../../../model/inbox/group-members';
import { countryOf, parseTypedPhone } from '../../../model/phone';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { chatPath } from '../paths';
import { MemberRow, type MemberAction } from './MemberRow';

/** What the panel says once a change is done (spelt out so the catalogue test sees each id). */
const DONE = {
  promote: 'groupinfo.members.done.promote',
  demote: 'groupinfo.members.done.demote',
  remove: 'groupinfo.members.done.remove',
} as const;

/** Long groups get a search box; the list itself scrolls inside the panel. */
const SEARCH_FROM = 6;

/** The member list with its search, the admin actions and "Add member". */
export function GroupMembers({ chat, info, admin }: { chat: Chat; info: GroupInfo; admin: boolean }) {
  const t = useT();
  const transport = useTransport();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState('');
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = filterMembers(info.members, query);
  const country = countryOf(info.members.find((member) => member.isMe)?.phone);

  /** Runs one change; answers the reason it failed (null: done; the list follows by event). */
  const change = async (action: 'add' | MemberAction, jid: string): Promise<string | null> => {
    try {
      const { items } = await transport.call('groupInfo.members', {
        session: chat.session,
        chat: chat.jid,
        action,
        participants: [jid],
      });
      const problem = memberChangeProblem(items[0]?.status ?? '');
      return problem ? t(problem, { status: items[0]?.status ?? '' }) : null;
    } catch (caught) {
      return describeError(caught);
    }
  };

  const onAction = async (member: GroupMember, action: MemberAction) => {
    setNotice(null);
    const problem = await change(action, member.jid);
    const name = memberTitle(member) ?? t('groupinfo.members.unknown');
    if (!problem) setNotice(t(DONE[action], { name }));
    return problem;
  };

  const add = async () => {
    setNotice(null);
    const phone = parseTypedPhone(adding, country);
    if (!phone) return setAddProblem(t('groupinfo.members.addInvalid'));
    setBusy(true);
    const problem = await change('add', `${phone.digits}@s.whatsapp.net`);
    setBusy(false);
    setAddProblem(problem);
    if (!problem) {
      setAdding('');
      setNotice(t('groupinfo.members.done.add', { name: phone.display }));
    }
  };

  return (
    <section className="contact-panel__section group-members" aria-label={t('groupinfo.members.title')}>
      <h3 className="group-info__heading">{t('groupinfo.members.count', { count: info.members.length })}</h3>
      {info.members.length >= SEARCH_FROM && (
        <input
          type="search"
          className="group-members__search"
          value={query}
          placeholder={t('groupinfo.members.search')}
          aria-label={t('groupinfo.members.search')}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      {admin && (
        <form
          className="group-members__add"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <label className="field">
            <span>{t('groupinfo.members.addLabel')}</span>
            <input
              type="tel"
              dir="ltr"
              value={adding}
              placeholder="+44 7700 900999"
              aria-invalid={addProblem ? true : undefined}
              aria-describedby={addProblem ? 'group-add-problem' : undefined}
              onChange={(event) => setAdding(event.target.value)}
            />
          </label>
          <button type="submit" className="button button--primary" disabled={busy || !adding.trim()}>
            {t('groupinfo.members.add')}
          </button>
          {addProblem && (
            <p id="group-add-problem" className="form-error" role="alert">
              {addProblem}
            </p>
          )}
        </form>
      )}
      <p className="group-info__feedback" role="status">
        {notice}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{t('groupinfo.members.noMatch')}</p>
      ) : (
        <ul className="group-members__list">
          {shown.map((member) => (
            <MemberRow
              key={member.jid}
              session={chat.session}
              member={member}
              manageable={admin}
              onOpen={(target) => navigate(chatPath(chat.session, target.jid))}
              onAction={onAction}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
