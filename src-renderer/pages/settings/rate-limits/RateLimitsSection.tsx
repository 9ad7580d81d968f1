import { useEffect, useState, type FormEvent } from 'react';
import {
  RATE_LIMIT_KINDS,
  type RateLimitKind,
  type RateLimitSettings,
} from '../../../../src-shared/contract/rate-limits';
import { useQuery } from '../../../hooks';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError, RpcError } from '../../../transport/rpc-error';
import { KIND_LABELS } from './kind-labels';
import './rate-limits.css';

/** What the form holds per kind: the inputs' text, so a half-typed number stays as typed. */
type Draft = Record<RateLimitKind, { limit: string; windowSeconds: string }>;

function draftOf(settings: RateLimitSettings): Draft {
  return Object.fromEntries(
    RATE_LIMIT_KINDS.map((kind) => [
      kind,
      {
        limit: String(settings.limits[kind].limit),
        windowSeconds: String(settings.limits[kind].windowSeconds),
      },
    ]),
  ) as Draft;
}

/**
 * Settings → Rate limits (issue #26 point 2): each kind's limit and window, reset to its default,
 * saved together. The server checks every value; its error is shown beside the field it names.
 */
export function RateLimitsSection() {
  const t = useT();
  const query = useQuery('rateLimits.get', {});
  return (
    <section className="card" aria-labelledby="rate-limits-title">
      <h2 id="rate-limits-title">{t('ratelimits.title')}</h2>
      <p className="muted">{t('ratelimits.intro')}</p>
      {query.loading && !query.data && <p className="muted">{t('ratelimits.loading')}</p>}
      {query.error && (
        <p className="form-error" role="alert">
          {query.error}
        </p>
      )}
      {query.data && <RateLimitsForm settings={query.data} onSaved={query.setData} />}
    </section>
  );
}

function RateLimitsForm({
  settings,
  onSaved,
}: {
  settings: RateLimitSettings;
  onSaved: (next: RateLimitSettings) => void;
}) {
  const t = useT();
  const transport = useTransport();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(draftOf(settings)), [settings]);

  const edit = (kind: RateLimitKind, part: 'limit' | 'windowSeconds', value: string) => {
    setSaved(false);
    setDraft({ ...draft, [kind]: { ...draft[kind], [part]: value } });
  };
  const reset = (kind: RateLimitKind) => {
    setSaved(false);
    const defaults = settings.defaults[kind];
    setDraft({
      ...draft,
      [kind]: { limit: String(defaults.limit), windowSeconds: String(defaults.windowSeconds) },
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const limits = Object.fromEntries(
        RATE_LIMIT_KINDS.map((kind) => [
          kind,
          { limit: Number(draft[kind].limit), windowSeconds: Number(draft[kind].windowSeconds) },
        ]),
      );
      onSaved(await transport.call('rateLimits.set', { limits }));
      setSaved(true);
    } catch (caught) {
      setError({
        field: caught instanceof RpcError && caught.field ? caught.field : '',
        message: describeError(caught),
      });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) =>
    error?.field === field ? (
      <span className="form-error" role="alert" id={`rate-limit-error-${field}`}>
        {error.message}
      </span>
    ) : null;
  const fieldNames = RATE_LIMIT_KINDS.flatMap((kind) => [
    `limits.${kind}.limit`,
    `limits.${kind}.windowSeconds`,
  ]);

  return (
    // noValidate: the server names a wrong value, shown beside its field in every language.
    <form
      className="integration-form"
      noValidate
      aria-label={t('ratelimits.form')}
      onSubmit={(event) => void save(event)}
    >
      {RATE_LIMIT_KINDS.map((kind) => {
        const defaults = settings.defaults[kind];
        const isDefault =
          draft[kind].limit === String(defaults.limit) &&
          draft[kind].windowSeconds === String(defaults.windowSeconds);
        return (
          <fieldset key={kind} className="rate-limit">
            <legend>{t(KIND_LABELS[kind].name)}</legend>
            <p className="muted rate-limit__about">{t(KIND_LABELS[kind].about)}</p>
            {(['limit', 'windowSeconds'] as const).map((part) => {
              const field = `limits.${kind}.${part}`;
              return (
                <label key={part} className="field">
                  <span className="field__label">
                    {t(part === 'limit' ? 'ratelimits.limit' : 'ratelimits.windowSeconds')}
                  </span>
                  <input
                    type="number"
                    min={1}
                    inputMode="numeric"
                    required
                    value={draft[kind][part]}
                    aria-invalid={error?.field === field}
                    aria-describedby={error?.field === field ? `rate-limit-error-${field}` : undefined}
                    onChange={(event) => edit(kind, part, event.target.value)}
                  />
                  {errorFor(field)}
                </label>
              );
            })}
            <button
              type="button"
              className="button button--secondary"
              disabled={isDefault}
              onClick={() => reset(kind)}
            >
              {t('ratelimits.reset', { limit: defaults.limit, seconds: defaults.windowSeconds })}
            </button>
          </fieldset>
        );
      })}
      {error && !fieldNames.includes(error.field) && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('ratelimits.save')}
        </button>
      </div>
      {saved && (
        <p className="muted" role="status">
          {t('ratelimits.saved')}
        </p>
      )}
    </form>
  );
}
