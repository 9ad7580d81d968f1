import { useState } from 'react';
import type { GroupMember } from '../../../../src-shared/contract/groups';
import { useT } from '../../../i18n/use-t';
import { formatPhone } from '../../../model/phone';
import { memberTitle } from '../../../model/inbox/group-members';
import { Avatar } from '../Avatar';

export type MemberAction = 'promote' | 'demote' | 'remove';

/**
 * One member: picture, name (or number), the number under a name, the admin badge; a click opens
 * the chat with them. Admins get promote / demote / remove behind "Manage", with the outcome
 * beside the member.
 */
export function MemberRow({
  session,
  member,
  manageable,
  onOpen,
  onAction,
}: {
  session: string;
  member: GroupMember;
  manageable: boolean;
  onOpen: (member: GroupMember) => void;
  onAction: (member: GroupMember, action: MemberAction) => Promise<string | null>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = member.isMe
    ? t('groupinfo.members.you')
    : (memberTitle(member) ?? t('groupinfo.members.unknown'));
  const phone = member.name || member.isMe ? formatPhone(member.phone) : null;
  const admin = member.role !== 'member';

  const act = async (action: MemberAction) => {
    setBusy(true);
    setProblem(await onAction(member, action));
    setBusy(false);
    setOpen(false);
  };

  return (
    <li className="group-member">
      <div className="group-member__row">
        <button
          type="button"
          className="group-member__open"
          disabled={member.isMe}
          title={member.isMe ? undefined : t('groupinfo.members.open', { name: title })}
          onClick={() => onOpen(member)}
        >
          <Avatar name={title} size={36} session={session} jid={member.jid} />
          <span className="group-member__names">
            <span className="group-member__name" dir="auto">
              {title}
            </span>
            {phone && (
              <bdi className="group-member__phone muted" dir="ltr">
                {phone}
              </bdi>
            )}
          </span>
          {admin && (
            <span className="group-member__badge">
              {t(member.role === 'superadmin' ? 'groupinfo.members.owner' : 'groupinfo.members.admin')}
            </span>
          )}
        </button>
        {manageable && !member.isMe && member.role !== 'superadmin' && (
          <button
            type="button"
            className="button button--secondary group-member__manage"
            aria-expanded={open}
            aria-label={t('groupinfo.members.manage', { name: title })}
            onClick={() => setOpen((value) => !value)}
          >
            {t('groupinfo.members.manageShort')}
          </button>
        )}
      </div>
      {open && (
        <div className="group-info__buttons group-member__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void act(admin ? 'demote' : 'promote')}
          >
            {t(admin ? 'groupinfo.members.demote' : 'groupinfo.members.promote')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void act('remove')}
          >
            {t('groupinfo.members.remove')}
          </button>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
