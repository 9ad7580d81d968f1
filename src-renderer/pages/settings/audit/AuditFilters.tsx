import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { useQuery } from '../../../hooks';
import { ActionGroupOptions } from './ActionGroupOptions';
import { auditQueryOf, type AuditFilterForm, type AuditQueryFilters } from './audit-query';

/** Person, action group and days; "Apply" filters the list, "Export CSV" downloads the same entries. */
export function AuditFilters({
  form,
  onChange,
  onApply,
  busy,
}: {
  form: AuditFilterForm;
  onChange: (form: AuditFilterForm) => void;
  onApply: (query: AuditQueryFilters) => void;
  busy: boolean;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const people = useQuery('users.list', {});
  const [fieldError, setFieldError] = useState<{ field: 'from' | 'to'; text: string } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const set = (change: Partial<AuditFilterForm>) => onChange({ ...form, ...change });

  const checked = (): AuditQueryFilters | null => {
    const result = auditQueryOf(form);
    if (result.ok) {
      setFieldError(null);
      return result.query;
    }
    const id = result.reason === 'order' ? 'staff.audit.toBeforeFrom' : 'staff.audit.badDate';
    setFieldError({ field: result.field, text: intl.formatMessage({ id }) });
    return null;
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = checked();
    if (query) onApply(query);
  };

  const exportCsv = async () => {
    const query = checked();
    if (!query) return;
    setExporting(true);
    setExportError(null);
    try {
      const file = await transport.call('audit.export', query);
      download(file.fileName, file.contentType, file.base64);
    } catch (caught) {
      setExportError(describeError(caught));
    } finally {
      setExporting(false);
    }
  };

  const dateField = (field: 'from' | 'to', label: string) => (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <input
        type="date"
        name={`audit-${field}`}
        value={form[field]}
        aria-invalid={fieldError?.field === field ? 'true' : undefined}
        aria-describedby={fieldError?.field === field ? `audit-${field}-error` : undefined}
        onChange={(event) => set({ [field]: event.target.value })}
      />
      {fieldError?.field === field && (
        <span className="field-error" id={`audit-${field}-error`}>
          {fieldError.text}
        </span>
      )}
    </label>
  );

  return (
    <form
      className="toolbar row"
      onSubmit={apply}
      aria-label={intl.formatMessage({ id: 'staff.audit.filters' })}
    >
      <label className="field field--inline">
        <span className="field__label">
          <FormattedMessage id="staff.audit.person" />
        </span>
        <input
          name="audit-actor"
          list="audit-people"
          value={form.actor}
          placeholder={intl.formatMessage({ id: 'staff.audit.everyone' })}
          onChange={(event) => set({ actor: event.target.value })}
        />
        <datalist id="audit-people">
          {people.data?.items.map((person) => (
            <option key={person.id} value={person.name} />
          ))}
        </datalist>
      </label>
      <label className="field field--inline">
        <span className="field__label">
          <FormattedMessage id="staff.audit.action" />
        </span>
        <select
          name="audit-action"
          value={form.action}
          onChange={(event) => set({ action: event.target.value })}
        >
          <ActionGroupOptions />
        </select>
      </label>
      {dateField('from', intl.formatMessage({ id: 'staff.audit.from' }))}
      {dateField('to', intl.formatMessage({ id: 'staff.audit.to' }))}
      <button type="submit" className="button button--primary" disabled={busy}>
        <FormattedMessage id="staff.audit.apply" />
      </button>
      <button type="button" className="button" disabled={exporting} onClick={() => void exportCsv()}>
        <FormattedMessage id="staff.audit.export" />
      </button>
      {exportError && (
        <span className="form-error" role="alert">
          {exportError}
        </span>
      )}
    </form>
  );
}

function download(fileName: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
