import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { WidgetRecord } from '../../../src-shared/contract/widgets';
import { PageHeader } from '../../components/PageHeader';
import { useTransport } from '../../stores/connection';
import { useT } from '../../i18n/use-t';
import { describeError, describeFieldProblem, RpcError } from '../../transport/rpc-error';
import { AppearanceFields } from './AppearanceFields';
import { draftFromRecord, fieldId, newDraft, sameDraft, toSettings, type WidgetDraft } from './draft';
import { useWidgetDefaults } from './use-widget-defaults';
import { FieldErrors, type FieldErrorState } from './fields';
import { OperatorsEditor } from './OperatorsEditor';
import { SnippetsPanel } from './SnippetsPanel';
import { WidgetPreview } from './WidgetPreview';
import '../../styles/widget-editor.css';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready' };

/** Keeps the operators' React keys across a save, so their inputs are not re-created. */
function withKeysOf(previous: WidgetDraft, next: WidgetDraft): WidgetDraft {
  return {
    ...next,
    operators: next.operators.map((operator, i) => ({
      ...operator,
      key: previous.operators[i]?.key ?? operator.key,
    })),
  };
}

function DeleteWidget({ name, onDelete }: { name: string; onDelete(): Promise<void> }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('widget.editor.delete')}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={t('widget.editor.deleteQuestion', { name })}>
      <p>{t('widget.editor.deleteText')}</p>
      <div className="row">
        <button type="button" className="button button--danger" autoFocus onClick={() => void onDelete()}>
          {t('widget.editor.deleteConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** `/widget/new` and `/widget/:id`: the form, its live preview, and (once saved) the snippets. */
export function WidgetEditorPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const transport = useTransport();
  const navigate = useNavigate();
  const t = useT();
  const [load, setLoad] = useState<Load>(isNew ? { state: 'ready' } : { state: 'loading' });
  const defaults = useWidgetDefaults();
  const [saved, setSaved] = useState<WidgetDraft>(() => newDraft(defaults));
  const [draft, setDraft] = useState<WidgetDraft>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);
  /** The id whose data is already in the form (set after creating, so the new URL does not reload). */
  const loadedId = useRef<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (isNew || loadedId.current === id) return;
    let cancelled = false;
    setLoad({ state: 'loading' });
    transport.call('widgets.get', { id }).then(
      (record) => {
        if (cancelled) return;
        const next = draftFromRecord(record);
        loadedId.current = id;
        setSaved(next);
        setDraft(next);
        setLoad({ state: 'ready' });
      },
      (error: unknown) => {
        if (!cancelled) setLoad({ state: 'error', message: describeError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, isNew, transport]);

  // Move focus to the field the server rejected, once it is rendered with its message.
  useEffect(() => {
    const field = pendingFocus.current;
    if (!field) return;
    pendingFocus.current = null;
    document.getElementById(fieldId(field))?.focus();
  }, [errors]);

  const change = useCallback(<K extends keyof WidgetDraft>(key: K, value: WidgetDraft[K]) => {
    setStatus(null);
    setDraft((current) => ({ ...current, [key]: value }));
  }, []);

  const errorState = useMemo<FieldErrorState>(
    () => ({
      errors,
      clear: (field) =>
        setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== field))),
    }),
    [errors],
  );

  const dirty = isNew || !sameDraft(draft, saved);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFormError(null);
    setStatus(null);
    try {
      const settings = toSettings(draft);
      const record: WidgetRecord = isNew
        ? await transport.call('widgets.create', settings)
        : await transport.call('widgets.update', { id, ...settings });
      const next = withKeysOf(draft, draftFromRecord(record));
      setSaved(next);
      setDraft(next);
      setErrors({});
      setVersion((value) => value + 1);
      setStatus(t('common.saved'));
      if (isNew) {
        loadedId.current = record.id;
        void navigate(`/widget/${record.id}`, { replace: true });
      }
    } catch (error) {
      if (error instanceof RpcError && error.code === 'VALIDATION_FAILED' && error.field) {
        const field = error.field;
        const message = describeFieldProblem(error);
        const shown = document.getElementById(fieldId(field)) !== null;
        pendingFocus.current = shown ? field : null;
        setErrors({ [field]: message });
        setFormError(
          shown
            ? t('widget.editor.notSavedField')
            : t('widget.editor.notSaved', { error: describeError(error) }),
        );
      } else {
        setFormError(t('widget.editor.notSaved', { error: describeError(error) }));
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    try {
      await transport.call('widgets.delete', { id });
      void navigate('/widget');
    } catch (error) {
      setFormError(t('widget.editor.notDeleted', { error: describeError(error) }));
    }
  };

  const title = isNew ? t('widget.editor.newTitle') : saved.businessName || t('widget.list.title');
  const back = (
    <Link to="/widget" className="button button--secondary">
      {t('widget.editor.allWidgets')}
    </Link>
  );

  if (load.state !== 'ready') {
    return (
      <section className="page">
        <PageHeader title={t('widget.list.title')} actions={back} />
        {load.state === 'loading' ? (
          <p className="muted" role="status">
            {t('widget.editor.loading')}
          </p>
        ) : (
          <div className="card" role="alert">
            <p className="form-error">{t('widget.editor.loadError', { error: load.message })}</p>
          </div>
        )}
      </section>
    );
  }

  return (
    <section className="page page--wide">
      <PageHeader title={title} subtitle={t('widget.editor.subtitle')} actions={back} />
      <div className="widget-editor">
        <div className="widget-editor__main stack">
          <FieldErrors.Provider value={errorState}>
            <form
              className="stack"
              onSubmit={(event) => void save(event)}
              noValidate
              aria-label={t('widget.editor.formLabel')}
            >
              <AppearanceFields draft={draft} change={change} />
              <OperatorsEditor
                operators={draft.operators}
                onChange={(operators) => change('operators', operators)}
              />
              <div className="widget-editor__bar">
                <button type="submit" className="button button--primary" disabled={saving}>
                  {t(saving ? 'widget.editor.saving' : isNew ? 'widget.list.create' : 'widget.editor.save')}
                </button>
                {!isNew && dirty && <span className="muted">{t('widget.editor.unsaved')}</span>}
                <span role="status" className="widget-editor__status">
                  {status}
                </span>
                {formError && (
                  <p className="form-error" role="alert">
                    {formError}
                  </p>
                )}
                {!isNew && <DeleteWidget name={saved.businessName} onDelete={remove} />}
              </div>
            </form>
          </FieldErrors.Provider>
          {!isNew && <SnippetsPanel key={version} id={id} dirty={dirty} active={saved.active} />}
        </div>
        <aside className="widget-editor__preview">
          <WidgetPreview draft={draft} />
        </aside>
      </div>
    </section>
  );
}
