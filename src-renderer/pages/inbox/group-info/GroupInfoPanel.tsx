import '../../../styles/group-info.css';
import type { Chat } from '../../../../src-shared/messages';
import { useT } from '../../../i18n/use-t';
import { useMe } from '../../../stores/me';
import { chatRights } from '../parity/chat-rights';
import { GroupDisappearing } from './GroupDisappearing';
import { GroupAbout } from './GroupAbout';
import { GroupInvite } from './GroupInvite';
import { GroupLeave } from './GroupLeave';
import { GroupJoinRequests } from './GroupJoinRequests';
import { GroupMembers } from './GroupMembers';
import { GroupSettings } from './GroupSettings';
import { isAdmin, mayChangeGroupTimer, useGroupInfo } from './useGroupInfo';

/**
 * The group part of the contact panel: subject and description (editable where WhatsApp allows),
 * the member list with badges and admin actions, the settings (only admins send, only admins
 * edit info, approval of newcomers), the disappearing-messages timer, the invite link (with its QR code), join requests and leaving. Kept current by
 * WhatsApp's group events.
 */
export function GroupInfoPanel({ chat }: { chat: Chat }) {
  const t = useT();
  const info = useGroupInfo(chat.session, chat.jid);
  const { write } = chatRights(
    useMe((state) => state.principal),
    chat.session,
  );
  if (info.loading && !info.data)
    return (
      <p className="muted group-info__status" aria-busy="true">
        {t('groupinfo.loading')}
      </p>
    );
  if (!info.data)
    return (
      <div className="group-info__status" role="alert">
        <p className="form-error">{t('groupinfo.loadFailed', { error: info.error ?? '' })}</p>
        <button type="button" className="button button--secondary" onClick={() => void info.reload()}>
          {t('groupinfo.retry')}
        </button>
      </div>
    );
  const data = info.data;
  const admin = isAdmin(data);
  // In an unlocked group every member may change the subject and description.
  const mayEdit = admin || (!data.group.restrict && data.myRole !== null);
  return (
    <>
      <GroupAbout chat={chat} group={data.group} mayEdit={mayEdit} onChanged={info.setData} />
      <GroupMembers chat={chat} info={data} admin={admin} />
      {data.myRole !== null && <GroupSettings chat={chat} group={data.group} admin={admin} />}
      <GroupDisappearing
        chat={chat}
        mayChange={write && mayChangeGroupTimer(data)}
        adminsOnly={data.group.restrict && !admin}
      />
      {admin && <GroupInvite chat={chat} known={data.invite?.url ?? null} />}
      {admin && data.group.joinApproval && <GroupJoinRequests chat={chat} />}
      {data.myRole !== null && <GroupLeave chat={chat} subject={data.group.subject} />}
    </>
  );
}
