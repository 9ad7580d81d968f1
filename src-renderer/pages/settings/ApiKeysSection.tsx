import { useState, type FormEvent } from 'react';
import { SCOPES, SCOPE_DESCRIPTIONS, type Scope } from '../../../src-shared/contract/keys';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { RevealOnce } from '../../components/RevealOnce';
import { formatTime } from './time';
import '../../styles/integrations.css';

/** Named API keys for scripts: create with a name and scopes (shown once), revoke, see last use. */
export function ApiKeysSection() {
  const transport = useTransport();
  const keys = useQuery('keys.list', {});
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['messages:send', 'messages:read']);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggleScope = (scope: Scope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((item) => item !== scope)));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await transport.call('keys.create', { name, scopes });
      setCreated({ name: result.apiKey.name, key: result.key });
      setName('');
      await keys.reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await transport.call('keys.revoke', { id });
      await keys.reload();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const items = keys.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">
        Give each script or integration its own key with only the scopes it needs; revoke it without touching
        the others. Keys are stored hashed and shown once.
      </p>
      {created && (
        <RevealOnce label="New API key" value={created.key} onDone={() => setCreated(null)}>
          This is the key “{created.name}”.
        </RevealOnce>
      )}
      <form
        className="integration-form"
        aria-label="Create an API key"
        onSubmit={(event) => void create(event)}
      >
        <label className="field">
          <span className="field__label">Key name</span>
          <input
            value={name}
            maxLength={80}
            placeholder="e.g. CRM sync"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <fieldset className="choices">
          <legend className="field__label">Scopes</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => toggleScope(scope, event.target.checked)}
              />
              <span>
                <code>{scope}</code> <span className="muted">{SCOPE_DESCRIPTIONS[scope]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !name.trim() || !scopes.length}
          >
            Create key
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {keys.error && <p className="form-error">{keys.error}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="API keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((key) => (
                <tr
                  key={key.id}
                  aria-label={`API key ${key.name}`}
                  data-revoked={key.revokedAt ? 'true' : 'false'}
                >
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>{formatTime(key.createdAt)}</td>
                  <td>{key.lastUsedAt ? formatTime(key.lastUsedAt) : 'never'}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="pill pill--failed">Revoked {formatTime(key.revokedAt)}</span>
                    ) : (
                      <ConfirmButton
                        label="Revoke"
                        question={`Revoke “${key.name}”? Scripts using it get 401 from now on.`}
                        confirmLabel="Revoke key"
                        onConfirm={() => revoke(key.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
