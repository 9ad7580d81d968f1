import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AutomationView } from '../../../src-shared/contract/automation';
import { useTransport } from '../../stores/connection';
import { useIntl } from 'react-intl';
import { isLanguage, SOURCE_LANGUAGE } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import { describeError, describeFieldProblem, RpcError } from '../../transport/rpc-error';
import { fieldId } from '../widget/draft';
import { FieldErrors, type FieldErrorState } from '../widget/fields';
import { toDraft, toSettings, type AutomationDraft } from './draft';
import { GeneralFields } from './GeneralFields';
import { MenuEditor } from './MenuEditor';
import { MessagesFields } from './MessagesFields';
import { RulesEditor } from './RulesEditor';
import { SwitchesFields } from './SwitchesFields';
import { TestPanel } from './TestPanel';

type Load =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; view: AutomationView };

/** Where an error is shown: a bad keyword line is shown beside the whole keywords box. */
function shownField(field: string): string {
  return field
    .replace(/^(rules\.\d+\.patterns)\.\d+$/, '$1')
    .replace(/^(closedDates|switches\.ignoreNumbers)\.\d+$/, '$1');
}

function OpenNow({ view }: { view: AutomationView }) {
  const intl = useIntl();
  if (view.openNow)
    return <p className="status status--connected">{intl.formatMessage({ id: 'automation.openNow' })}</p>;
  if (!view.nextOpening)
    return <p className="status">{intl.formatMessage({ id: 'automation.closedNow' })}</p>;
  const when = intl.formatDate(view.nextOpening, { weekday: 'long', hour: 'numeric', minute: '2-digit' });
  return <p className="status">{intl.formatMessage({ id: 'automation.closedUntil' }, { when })}</p>;
}

/** One number's automation: the form, saved whole, and the test panel beside it. */
export function AutomationEditor({ session }: { session: string }) {
  const transport = useTransport();
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<AutomationDraft | null>(null);
  const [savedJson, setSavedJson] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const pendingFocus = useRef<string | null>(null);

  const intl = useIntl();
  // A number's automation never saved starts in the owner's language (the menu's "Back", dates).
  const ownLanguage = isLanguage(intl.locale) ? intl.locale : SOURCE_LANGUAGE;
  const show = useCallback(
    (view: AutomationView) => {
      const next = toDraft(
        view.updatedAt === null ? { ...view.settings, language: ownLanguage } : view.settings,
      );
      setDraft(next);
      setSavedJson(JSON.stringify(next));
      setLoad({ state: 'ready', view });
    },
    [ownLanguage],
  );

  useEffect(() => {
    let cancelled = false;
    setLoad({ state: 'loading' });
    setErrors({});
    transport.call('automation.get', { session }).then(
      (view) => !cancelled && show(view),
      (error: unknown) => !cancelled && setLoad({ state: 'error', message: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, transport, show]);

  useEffect(() => {
    const field = pendingFocus.current;
    if (!field) return;
    pendingFocus.current = null;
    document.getElementById(fieldId(field))?.focus();
  }, [errors]);

  const errorState = useMemo<FieldErrorState>(
    () => ({
      errors,
      clear: (field) =>
        setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== field))),
    }),
    [errors],
  );

  const change = useCallback(<K extends keyof AutomationDraft>(key: K, value: AutomationDraft[K]) => {
    setStatus(null);
    setDraft((current) => (current ? { ...current, [key]: value } : current));
  }, []);

  if (load.state === 'loading' || !draft) {
    return load.state === 'error' ? (
      <div className="card" role="alert">
        <p className="form-error">{t('automation.loadError', { message: load.message })}</p>
      </div>
    ) : (
      <p className="muted" role="status">
        {t('automation.loading')}
      </p>
    );
  }
  if (load.state === 'error') return null;

  const dirty = JSON.stringify(draft) !== savedJson;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFormError(null);
    setStatus(null);
    try {
      const settings = toSettings({
        ...draft,
        closedDates: draft.closedDates.filter(Boolean),
        rules: draft.rules.map((rule) => ({
          ...rule,
          patterns: rule.patterns.map((p) => p.trim()).filter(Boolean),
        })),
        switches: { ...draft.switches, ignoreNumbers: draft.switches.ignoreNumbers.filter(Boolean) },
      });
      show(await transport.call('automation.update', { session, settings }));
      setErrors({});
      setStatus(t('automation.saved'));
    } catch (error) {
      if (error instanceof RpcError && error.code === 'VALIDATION_FAILED' && error.field) {
        const field = error.field.replace(/^settings\./, '');
        // The core's precise reason in English, a general sentence in other languages.
        const message = describeFieldProblem(error);
        const target = shownField(field);
        const shown = document.getElementById(fieldId(target)) !== null;
        pendingFocus.current = shown ? target : null;
        setErrors({ [target]: message });
        setFormError(
          shown
            ? t('automation.notSaved.field')
            : t('automation.notSaved', { message: describeError(error) }),
        );
      } else {
        setFormError(t('automation.notSaved', { message: describeError(error) }));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="automation-editor">
      <div className="automation-editor__main stack">
        <OpenNow view={load.view} />
        <FieldErrors.Provider value={errorState}>
          <form
            className="stack"
            onSubmit={(event) => void save(event)}
            noValidate
            aria-label={t('automation.form')}
          >
            <GeneralFields draft={draft} change={change} />
            <MessagesFields draft={draft} change={change} />
            <div className="card">
              <RulesEditor rules={draft.rules} onChange={(rules) => change('rules', rules)} />
            </div>
            <div className="card">
              <MenuEditor
                menu={draft.menu}
                language={draft.language}
                onChange={(menu) => change('menu', menu)}
              />
            </div>
            <SwitchesFields draft={draft} change={change} />
            <div className="widget-editor__bar">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? t('automation.saving') : t('automation.save')}
              </button>
              {dirty && <span className="muted">{t('automation.unsaved')}</span>}
              <span role="status">{status}</span>
              {formError && (
                <p className="form-error" role="alert">
                  {formError}
                </p>
              )}
            </div>
          </form>
        </FieldErrors.Provider>
      </div>
      <aside className="automation-editor__side">
        <TestPanel session={session} dirty={dirty} />
      </aside>
    </div>
  );
}
