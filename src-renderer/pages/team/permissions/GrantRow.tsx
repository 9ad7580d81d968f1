import { useIntl } from 'react-intl';
import { READ_LEVELS, type PermissionGrant, type ReadLevel } from '../../../../src-shared/contract/people';
import type { MessageId } from '../../../i18n/messages/en';

const READ_TEXT: Record<ReadLevel, MessageId> = {
  all: 'team.permissions.readAll',
  assigned: 'team.permissions.readAssigned',
  none: 'team.permissions.readNone',
};

/** One person's or team's rights on the number, edited in place; `error` is the server's refusal for it. */
export function GrantRow({
  grant,
  name,
  error,
  onChange,
  onRemove,
}: {
  grant: PermissionGrant;
  name: string;
  error: string | null;
  onChange: (grant: PermissionGrant) => void;
  onRemove: () => void;
}) {
  const intl = useIntl();
  const errorId = `grant-${grant.subject.type}-${grant.subject.id}-error`;
  const check = (key: 'write' | 'canUseTags' | 'canManageSavedReplies', label: MessageId) => (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={grant[key]}
        aria-label={intl.formatMessage(
          { id: 'team.permissions.rightOf' },
          { right: intl.formatMessage({ id: label }), name },
        )}
        onChange={(event) => onChange({ ...grant, [key]: event.target.checked })}
      />
      <span className="team-grant__check-label">{intl.formatMessage({ id: label })}</span>
    </label>
  );
  return (
    <tr aria-label={name} data-subject={`${grant.subject.type}:${grant.subject.id}`}>
      <th scope="row">
        <span dir="auto">{name}</span>{' '}
        <span className="pill">
          {intl.formatMessage({
            id: grant.subject.type === 'team' ? 'team.permissions.team' : 'team.permissions.person',
          })}
        </span>
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </th>
      <td data-label={intl.formatMessage({ id: 'team.permissions.read' })}>
        <select
          aria-label={intl.formatMessage({ id: 'team.permissions.readOf' }, { name })}
          aria-describedby={error ? errorId : undefined}
          value={grant.read}
          onChange={(event) => onChange({ ...grant, read: event.target.value as ReadLevel })}
        >
          {READ_LEVELS.map((level) => (
            <option key={level} value={level}>
              {intl.formatMessage({ id: READ_TEXT[level] })}
            </option>
          ))}
        </select>
      </td>
      <td data-label={intl.formatMessage({ id: 'team.permissions.write' })}>
        {check('write', 'team.permissions.write')}
      </td>
      <td data-label={intl.formatMessage({ id: 'team.permissions.tags' })}>
        {check('canUseTags', 'team.permissions.tags')}
      </td>
      <td data-label={intl.formatMessage({ id: 'team.permissions.savedReplies' })}>
        {check('canManageSavedReplies', 'team.permissions.savedReplies')}
      </td>
      <td>
        <button
          type="button"
          className="button button--secondary button--danger-text"
          aria-label={intl.formatMessage({ id: 'team.permissions.removeOf' }, { name })}
          onClick={onRemove}
        >
          {intl.formatMessage({ id: 'team.permissions.remove' })}
        </button>
      </td>
    </tr>
  );
}
