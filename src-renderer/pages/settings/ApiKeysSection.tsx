import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SCOPES, type NamedKey, type Scope } from '../../../src-shared/contract/keys';
import type { MessageId } from '../../i18n/messages/en';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { RevealOnce } from '../../components/RevealOnce';
import { formatTime } from './time';
import { KeyUsagePanel } from './key-usage/KeyUsagePanel';
import '../../styles/integrations.css';

/** What each scope allows, in the reader's language (the API's own descriptions are English). */
const SCOPE_TEXT: Record<Scope, MessageId> = {
  'messages:send': 'settings.apiKeys.scope.messagesSend',
  'messages:read': 'settings.apiKeys.scope.messagesRead',
  'sessions:manage': 'settings.apiKeys.scope.sessionsManage',
  'webhooks:manage': 'settings.apiKeys.scope.webhooksManage',
  'widgets:manage': 'settings.apiKeys.scope.widgetsManage',
  admin: 'settings.apiKeys.scope.admin',
};

/** Named API keys for scripts: create with a name and scopes (shown once), revoke, see last use. */
export function ApiKeysSection() {
  const intl = useIntl();
  const transport = useTransport();
  const keys = useQuery('keys.list', {});
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['messages:send', 'messages:read']);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The key whose usage is open under its row. */
  const [usageOf, setUsageOf] = useState<string | null>(null);

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

  const columns: Column<NamedKey>[] = [
    { id: 'name', header: intl.formatMessage({ id: 'settings.apiKeys.col.name' }), cell: (key) => key.name },
    {
      id: 'key',
      header: intl.formatMessage({ id: 'settings.apiKeys.col.key' }),
      cell: (key) => <code>{key.prefix}…</code>,
    },
    {
      id: 'scopes',
      header: intl.formatMessage({ id: 'settings.apiKeys.scopes' }),
      cell: (key) => intl.formatList(key.scopes, { type: 'unit' }),
    },
    {
      id: 'created',
      header: intl.formatMessage({ id: 'settings.adminKey.created' }),
      cell: (key) => formatTime(key.createdAt),
    },
    {
      id: 'lastUsed',
      header: intl.formatMessage({ id: 'settings.apiKeys.col.lastUsed' }),
      cell: (key) =>
        key.lastUsedAt ? formatTime(key.lastUsedAt) : intl.formatMessage({ id: 'settings.apiKeys.never' }),
    },
    {
      id: 'actions',
      header: intl.formatMessage({ id: 'common.actions' }),
      hideHeader: true,
      cell: (key) => (
        <div className="row">
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={usageOf === key.id}
            aria-label={intl.formatMessage({ id: 'keyusage.usageOf' }, { name: key.name })}
            onClick={() => setUsageOf(usageOf === key.id ? null : key.id)}
          >
            {intl.formatMessage({ id: usageOf === key.id ? 'keyusage.hideUsage' : 'keyusage.usage' })}
          </button>
          {key.revokedAt ? (
            <span className="pill pill--failed">
              <FormattedMessage
                id="settings.apiKeys.revokedAt"
                values={{ time: formatTime(key.revokedAt) }}
              />
            </span>
          ) : (
            <ConfirmButton
              label={intl.formatMessage({ id: 'settings.apiKeys.revoke' })}
              question={intl.formatMessage({ id: 'settings.apiKeys.revokeQuestion' }, { name: key.name })}
              confirmLabel={intl.formatMessage({ id: 'settings.apiKeys.revokeConfirm' })}
              onConfirm={() => revoke(key.id)}
            />
          )}
        </div>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">
        <FormattedMessage id="settings.apiKeys.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="settings.apiKeys.intro" />
      </p>
      {created && (
        <RevealOnce
          label={intl.formatMessage({ id: 'settings.apiKeys.newKey' })}
          value={created.key}
          onDone={() => setCreated(null)}
        >
          <FormattedMessage id="settings.apiKeys.thisIsKey" values={{ name: created.name }} />
        </RevealOnce>
      )}
      <form
        className="integration-form"
        aria-label={intl.formatMessage({ id: 'settings.apiKeys.createForm' })}
        onSubmit={(event) => void create(event)}
      >
        <label className="field">
          <span className="field__label">
            <FormattedMessage id="settings.apiKeys.name" />
          </span>
          <input
            value={name}
            maxLength={80}
            placeholder={intl.formatMessage({ id: 'settings.apiKeys.namePlaceholder' })}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <fieldset className="choices">
          <legend className="field__label">
            <FormattedMessage id="settings.apiKeys.scopes" />
          </legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => toggleScope(scope, event.target.checked)}
              />
              <span>
                <code>{scope}</code>{' '}
                <span className="muted">{intl.formatMessage({ id: SCOPE_TEXT[scope] })}</span>
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
            <FormattedMessage id="settings.apiKeys.create" />
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <DataTable
        label={intl.formatMessage({ id: 'settings.apiKeys.title' })}
        columns={columns}
        rows={keys.data?.items ?? null}
        rowKey={(key) => key.id}
        rowAttributes={(key) => ({
          'aria-label': intl.formatMessage({ id: 'settings.apiKeys.row' }, { name: key.name }),
          'data-revoked': key.revokedAt ? 'true' : 'false',
        })}
        detail={(key) => (usageOf === key.id ? <KeyUsagePanel keyId={key.id} /> : null)}
        error={keys.error}
        empty={intl.formatMessage({ id: 'settings.apiKeys.none' })}
      />
    </section>
  );
}
