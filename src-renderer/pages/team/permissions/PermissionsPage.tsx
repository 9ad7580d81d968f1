import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { PermissionGrant } from '../../../../src-shared/contract/people';
import { PageHeader } from '../../../components/PageHeader';
import { useQuery } from '../../../hooks';
import { useTransport } from '../../../stores/connection';
import { RpcError, describeError } from '../../../transport/rpc-error';
import { AddGrant } from './AddGrant';
import { GrantRow } from './GrantRow';
import '../../../styles/integrations.css';
import '../../../styles/team.css';

const subjectKey = (grant: PermissionGrant) => `${grant.subject.type}:${grant.subject.id}`;

/**
 * Who may use one number: for each person or team, read (every chat, only chats assigned to
 * them, nothing), write, tags and saved replies. Owners and admins always have everything.
 * Saving replaces the number's grants at once; open windows follow without a reload.
 */
export function PermissionsPage() {
  const { session = '' } = useParams();
  const intl = useIntl();
  const transport = useTransport();
  const current = useQuery('permissions.get', { session });
  const users = useQuery('users.list', {});
  const teams = useQuery('teams.list', {});
  const sessions = useQuery('sessions.list', {});
  const [grants, setGrants] = useState<PermissionGrant[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<{ index: number | null; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!current.data) return;
    setGrants(current.data.grants.map(({ subjectName: _name, ...grant }) => grant));
    setNames(Object.fromEntries(current.data.grants.map((grant) => [subjectKey(grant), grant.subjectName])));
    setDirty(false);
  }, [current.data]);

  const number = sessions.data?.find((item) => item.id === session);
  const edit = (next: PermissionGrant[]) => {
    setGrants(next);
    setDirty(true);
    setSaved(false);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      current.setData(await transport.call('permissions.set', { session, grants }));
      setSaved(true);
    } catch (caught) {
      // `grants.3.subject`: the refusal belongs to that row.
      const match = caught instanceof RpcError ? /^grants\.(\d+)/.exec(caught.field ?? '') : null;
      setError({ index: match ? Number(match[1]) : null, text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };

  const title = intl.formatMessage({ id: 'team.permissions.title' }, { name: number?.name ?? session });
  return (
    <section className="page">
      <p>
        <Link to="/settings/team">
          <FormattedMessage id="team.permissions.back" />
        </Link>
      </p>
      <PageHeader title={title} subtitle={intl.formatMessage({ id: 'team.permissions.subtitle' })} />
      <div className="stack">
        <p className="team-note">
          <FormattedMessage id="team.permissions.assignedNote" />
        </p>
        {current.loading && !current.data && (
          <p className="muted" role="status">
            <FormattedMessage id="team.loading" />
          </p>
        )}
        {current.error && (
          <p className="form-error" role="alert">
            {current.error}
          </p>
        )}
        {current.data && (
          <section className="card" aria-label={title}>
            {grants.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="team.permissions.empty" />
              </p>
            ) : (
              <div className="table-scroll">
                <table className="data-table data-table--stacks team-grants" aria-label={title}>
                  <thead>
                    <tr>
                      <th scope="col">
                        <FormattedMessage id="team.permissions.who" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="team.permissions.read" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="team.permissions.write" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="team.permissions.tags" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="team.permissions.savedReplies" />
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">
                          <FormattedMessage id="common.actions" />
                        </span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {grants.map((grant, index) => (
                      <GrantRow
                        key={subjectKey(grant)}
                        grant={grant}
                        name={names[subjectKey(grant)] ?? grant.subject.id}
                        error={error?.index === index ? error.text : null}
                        onChange={(next) => edit(grants.map((item, at) => (at === index ? next : item)))}
                        onRemove={() => edit(grants.filter((_item, at) => at !== index))}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <AddGrant
              people={(users.data?.items ?? []).filter((user) => user.role === 'agent')}
              teams={teams.data?.items ?? []}
              taken={new Set(grants.map(subjectKey))}
              onAdd={(grant, name) => {
                setNames({ ...names, [subjectKey(grant)]: name });
                edit([...grants, grant]);
              }}
            />
            {error && error.index === null && (
              <p className="form-error" role="alert">
                {error.text}
              </p>
            )}
            {saved && !dirty && (
              <p className="muted" role="status">
                <FormattedMessage id="team.permissions.saved" />
              </p>
            )}
            <div className="row">
              <button
                type="button"
                className="button button--primary"
                disabled={busy || !dirty}
                onClick={() => void save()}
              >
                <FormattedMessage id="team.save" />
              </button>
            </div>
          </section>
        )}
      </div>
    </section>
  );
}
