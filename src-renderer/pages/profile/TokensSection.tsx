import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SCOPES, type Scope } from '../../../src-shared/contract/keys';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/people/Field';
import { errorFor, formLevel, peopleError, type FieldError } from '../../components/people/people-errors';
import { RevealOnce } from '../../components/RevealOnce';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { formatTime } from '../settings/time';

/**
 * My personal API tokens: they act as me, with my permissions, or fewer when I narrow their
 * scopes. The key is shown once.
 */
export function TokensSection() {
  const intl = useIntl();
  const transport = useTransport();
  const tokens = useQuery('tokens.list', {});
  const [name, setName] = useState('');
  const [narrow, setNarrow] = useState(false);
  const [scopes, setScopes] = useState<Scope[]>(['messages:read']);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await transport.call('tokens.create', { name, ...(narrow ? { scopes } : {}) });
      setCreated({ name: result.token.name, key: result.key });
      setName('');
      await tokens.reload();
    } catch (caught) {
      setError(peopleError(caught));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await transport.call('tokens.revoke', { id });
      await tokens.reload();
    } catch (caught) {
      setError({ field: null, text: describeError(caught) });
    }
  };

  const toggle = (scope: Scope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((item) => item !== scope)));

  const general = formLevel(error, ['name', 'scopes']);
  const items = tokens.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="profile-tokens-title">
      <h2 id="profile-tokens-title">
        <FormattedMessage id="team.profile.tokensTitle" />
      </h2>
      <p className="muted">
        <FormattedMessage id="team.profile.tokensIntro" />
      </p>
      {created && (
        <RevealOnce
          label={intl.formatMessage({ id: 'team.profile.newToken' })}
          value={created.key}
          onDone={() => setCreated(null)}
        >
          <FormattedMessage id="team.profile.thisIsToken" values={{ name: created.name }} />
        </RevealOnce>
      )}
      <form
        className="team-form"
        aria-label={intl.formatMessage({ id: 'team.profile.createToken' })}
        onSubmit={(event) => void create(event)}
      >
        <Field label={intl.formatMessage({ id: 'team.profile.tokenName' })} error={errorFor(error, 'name')}>
          {(props) => (
            <input
              {...props}
              name="tokenName"
              value={name}
              maxLength={80}
              placeholder={intl.formatMessage({ id: 'team.profile.tokenNamePlaceholder' })}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={narrow} onChange={(event) => setNarrow(event.target.checked)} />
          <span>
            <FormattedMessage id="team.profile.narrow" />
          </span>
        </label>
        {narrow && (
          <fieldset
            className="choices"
            aria-describedby={errorFor(error, 'scopes') ? 'token-scopes-error' : undefined}
          >
            <legend className="field__label">
              <FormattedMessage id="team.profile.scopes" />
            </legend>
            {SCOPES.map((scope) => (
              <label key={scope} className="checkbox">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                />
                <code>{scope}</code>
              </label>
            ))}
            {errorFor(error, 'scopes') && (
              <span id="token-scopes-error" className="form-error" role="alert">
                {errorFor(error, 'scopes')}
              </span>
            )}
          </fieldset>
        )}
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        <div className="row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !name.trim() || (narrow && scopes.length === 0)}
          >
            <FormattedMessage id="team.profile.createToken" />
          </button>
        </div>
      </form>
      {tokens.error && (
        <p className="form-error" role="alert">
          {tokens.error}
        </p>
      )}
      {tokens.data && items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="team.profile.tokensEmpty" />
        </p>
      )}
      <ul className="team-list">
        {items.map((token) => (
          <li key={token.id} className="team-list__item" aria-label={token.name}>
            <div>
              <strong dir="auto">{token.name}</strong> <code>{token.prefix}…</code>
              <p className="muted">
                {token.scopes
                  ? intl.formatList(token.scopes, { type: 'unit' })
                  : intl.formatMessage({ id: 'team.profile.allMyRights' })}
                {' · '}
                {token.lastUsedAt
                  ? intl.formatMessage(
                      { id: 'team.profile.lastUsed' },
                      { time: formatTime(token.lastUsedAt) },
                    )
                  : intl.formatMessage({ id: 'team.profile.neverUsed' })}
              </p>
            </div>
            <ConfirmButton
              label={intl.formatMessage({ id: 'team.profile.revoke' })}
              question={intl.formatMessage({ id: 'team.profile.revokeQuestion' }, { name: token.name })}
              confirmLabel={intl.formatMessage({ id: 'team.profile.revoke' })}
              onConfirm={() => revoke(token.id)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
