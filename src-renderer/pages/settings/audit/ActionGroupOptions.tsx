import { useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages/en';
import { AUDIT_ACTION_GROUPS } from './audit-query';

/** Each group's name in the reader's language (ids spelled out so the catalogue check sees them). */
const GROUP_LABELS: Record<(typeof AUDIT_ACTION_GROUPS)[number], MessageId> = {
  'auth.': 'staff.audit.group.auth',
  'user.': 'staff.audit.group.user',
  'team.': 'staff.audit.group.team',
  'permissions.': 'staff.audit.group.permissions',
  'session.': 'staff.audit.group.session',
  'key.': 'staff.audit.group.key',
  'token.': 'staff.audit.group.token',
  'webhook.': 'staff.audit.group.webhook',
  'export.': 'staff.audit.group.export',
  'backup.': 'staff.audit.group.backup',
  'schedule.': 'staff.audit.group.schedule',
  'campaign.': 'staff.audit.group.campaign',
  'settings.': 'staff.audit.group.settings',
  'audit.': 'staff.audit.group.audit',
};

/** The action filter's choices: every action, then one group per kind of thing. */
export function ActionGroupOptions() {
  const intl = useIntl();
  return (
    <>
      <option value="">{intl.formatMessage({ id: 'staff.audit.allActions' })}</option>
      {AUDIT_ACTION_GROUPS.map((group) => (
        <option key={group} value={group}>
          {intl.formatMessage({ id: GROUP_LABELS[group] })}
        </option>
      ))}
    </>
  );
}
