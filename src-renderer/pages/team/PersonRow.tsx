import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MoveChatsTo } from '../../../src-shared/contract/chat-handover';
import { USER_ROLES, type User, type UserRole, type UserWithCode } from '../../../src-shared/contract/people';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ConfirmWithPasswordButton } from '../../components/ConfirmWithPassword';
import { useTransport } from '../../stores/connection';
import { formatTime } from '../settings/time';
import { peopleError, type FieldError } from '../../components/people/people-errors';
import { MoveOpenChats } from './MoveOpenChats';
import { ROLE_TEXT } from './role-text';

/**
 * One person in the list: role (changed on the spot), status, last sign-in, and what can be done
 * to them. A refusal (the last owner, an admin touching an owner) shows in the row, by the control.
 */
export function PersonRow({
  user,
  isMe,
  onChanged,
  onCode,
}: {
  user: User;
  isMe: boolean;
  onChanged: () => void;
  onCode: (created: UserWithCode) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);
  const [moveChatsTo, setMoveChatsTo] = useState<MoveChatsTo | undefined>(undefined);
  const errorId = `person-${user.id}-error`;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const roleError = error && (error.field === 'role' || error.field === 'disabled' || error.field === 'id');
  return (
    <tr aria-label={user.name} data-person={user.login} data-disabled={user.disabled ? 'true' : 'false'}>
      <td data-label={intl.formatMessage({ id: 'team.people.name' })}>
        <span dir="auto">{user.name}</span>
        {isMe && (
          <span className="pill">
            <FormattedMessage id="team.people.you" />
          </span>
        )}
      </td>
      <td data-label={intl.formatMessage({ id: 'team.people.login' })}>
        <code dir="auto">{user.login}</code>
      </td>
      <td data-label={intl.formatMessage({ id: 'team.people.role' })}>
        <select
          aria-label={intl.formatMessage({ id: 'team.people.roleOf' }, { name: user.name })}
          value={user.role}
          disabled={busy}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) =>
            void run(() =>
              transport.call('users.update', { id: user.id, role: event.target.value as UserRole }),
            )
          }
        >
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {intl.formatMessage({ id: ROLE_TEXT[role].name })}
            </option>
          ))}
        </select>
      </td>
      <td data-label={intl.formatMessage({ id: 'team.people.status' })}>
        <span
          className={user.disabled ? 'pill pill--failed' : user.hasPassword ? 'pill pill--succeeded' : 'pill'}
        >
          <FormattedMessage
            id={
              user.disabled
                ? 'team.status.disabled'
                : user.hasPassword
                  ? 'team.status.active'
                  : 'team.status.invited'
            }
          />
        </span>
      </td>
      <td data-label={intl.formatMessage({ id: 'team.people.lastSignIn' })}>
        {user.lastSignInAt ? formatTime(user.lastSignInAt) : intl.formatMessage({ id: 'team.people.never' })}
      </td>
      <td>
        <div className="row team-row__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              void run(() => transport.call('users.update', { id: user.id, disabled: !user.disabled }))
            }
          >
            <FormattedMessage id={user.disabled ? 'team.people.enable' : 'team.people.disable'} />
          </button>
          <ConfirmButton
            danger={false}
            label={intl.formatMessage({ id: 'team.people.reset' })}
            question={intl.formatMessage({ id: 'team.people.resetQuestion' }, { name: user.name })}
            confirmLabel={intl.formatMessage({ id: 'team.people.resetConfirm' })}
            onConfirm={() =>
              run(async () => onCode(await transport.call('users.resetCode', { id: user.id })))
            }
          />
          <ConfirmWithPasswordButton
            label={intl.formatMessage({ id: 'team.people.delete' })}
            question={
              <>
                {intl.formatMessage({ id: 'team.people.deleteQuestion' }, { name: user.name })}
                <MoveOpenChats
                  owner={{ user: user.id }}
                  ownerName={user.name}
                  value={moveChatsTo}
                  onChange={setMoveChatsTo}
                />
              </>
            }
            confirmLabel={intl.formatMessage({ id: 'team.people.deleteConfirm' })}
            onConfirm={async (confirmation) => {
              await transport.call('users.delete', {
                id: user.id,
                ...confirmation,
                ...(moveChatsTo ? { moveChatsTo } : {}),
              });
              onChanged();
            }}
            onError={(caught) => setError(peopleError(caught))}
          />
        </div>
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error.text}
          </p>
        )}
      </td>
    </tr>
  );
}
