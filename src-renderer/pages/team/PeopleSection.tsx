import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UserList, UserWithCode } from '../../../src-shared/contract/people';
import { RevealOnce } from '../../components/RevealOnce';
import type { Query } from '../../hooks';
import { useMe } from '../../stores/me';
import { formatTime } from '../settings/time';
import { AddPersonForm } from './AddPersonForm';
import { PersonRow } from './PersonRow';

/** Settings → Team → People: everyone who signs in, with their role and status. */
export function PeopleSection({ users, onChanged }: { users: Query<UserList>; onChanged: () => void }) {
  const intl = useIntl();
  const principal = useMe((state) => state.principal);
  const [adding, setAdding] = useState(false);
  const [code, setCode] = useState<UserWithCode | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const changed = onChanged;
  const showCode = (created: UserWithCode) => {
    setAdded(null);
    setCode(created.code ? created : null);
  };

  const items = users.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="team-people-title">
      <div className="card__header">
        <h2 id="team-people-title">
          <FormattedMessage id="team.people.title" />
        </h2>
        {!adding && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            <FormattedMessage id="team.people.addButton" />
          </button>
        )}
      </div>
      <p className="muted">
        <FormattedMessage id="team.people.intro" />
      </p>
      {code?.code && (
        <RevealOnce
          label={intl.formatMessage({ id: 'team.people.codeTitle' }, { name: code.user.name })}
          value={code.code}
          onDone={() => setCode(null)}
        >
          <FormattedMessage
            id="team.people.codeText"
            values={{
              name: code.user.name,
              login: code.user.login,
              expires: code.expiresAt ? formatTime(code.expiresAt) : '—',
            }}
          />
        </RevealOnce>
      )}
      {added && (
        <p className="team-note" role="status">
          <FormattedMessage id="team.people.addedWithPassword" values={{ name: added }} />
        </p>
      )}
      {adding && (
        <AddPersonForm
          canMakeOwner={principal?.role === 'owner'}
          onCancel={() => setAdding(false)}
          onAdded={(created) => {
            setAdding(false);
            showCode(created);
            if (!created.code) setAdded(created.user.name);
            changed();
          }}
        />
      )}
      {users.loading && !users.data && (
        <p className="muted" role="status">
          <FormattedMessage id="team.loading" />
        </p>
      )}
      {users.error && (
        <p className="form-error" role="alert">
          {users.error}{' '}
          <button type="button" className="button button--secondary" onClick={() => void users.reload()}>
            <FormattedMessage id="team.retry" />
          </button>
        </p>
      )}
      {users.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="team.people.empty" />
        </p>
      )}
      {items.length > 0 && (
        <div className="table-scroll">
          <table
            className="data-table data-table--stacks"
            aria-label={intl.formatMessage({ id: 'team.people.title' })}
          >
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="team.people.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.people.login" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.people.role" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.people.status" />
                </th>
                <th scope="col">
                  <FormattedMessage id="team.people.lastSignIn" />
                </th>
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage id="common.actions" />
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <PersonRow
                  key={user.id}
                  user={user}
                  isMe={principal?.user?.id === user.id}
                  onChanged={changed}
                  onCode={showCode}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
