import { useEffect, useState } from 'react';
import type { CsvPreview, RecipientsInput } from '../../../src-shared/contract/schedule';
import { RecipientField } from '../../components/contacts/RecipientField';
import { useQuery } from '../../hooks';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { CsvMapping } from './CsvMapping';

type Source = RecipientsInput['source'];

/** Who gets the campaign: a pasted list, a CSV file with its column mapping, or everyone with a tag. */
export function RecipientsFields({
  session,
  onChange,
  onError,
}: {
  /** The number the campaign is sent from: its stored contacts are offered for the list. */
  session: string | null;
  /** The recipients as the API takes them, or null while incomplete. */
  onChange: (recipients: RecipientsInput | null) => void;
  onError: (message: string | null) => void;
}) {
  const t = useT();
  const transport = useTransport();
  const tags = useQuery('tags.list', {});
  const [source, setSource] = useState<Source>('list');
  const [pasted, setPasted] = useState('');
  const [adding, setAdding] = useState('');
  const [csv, setCsv] = useState<{ text: string; fileName: string; preview: CsvPreview } | null>(null);
  const [phoneColumn, setPhoneColumn] = useState('');
  const [nameColumn, setNameColumn] = useState('');
  const [tagId, setTagId] = useState('');

  const recipients: RecipientsInput | null =
    source === 'list'
      ? pasted.trim()
        ? { source: 'list', text: pasted }
        : null
      : source === 'csv'
        ? csv && phoneColumn
          ? { source: 'csv', csv: csv.text, phoneColumn, ...(nameColumn ? { nameColumn } : {}) }
          : null
        : tagId
          ? { source: 'tag', tagId }
          : null;
  const recipientsKey = JSON.stringify(recipients);
  useEffect(() => {
    onChange(recipients);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recipientsKey stands for recipients
  }, [recipientsKey, onChange]);

  const loadCsv = async (file: File) => {
    onError(null);
    try {
      const text = await file.text();
      const result = await transport.call('campaigns.csvPreview', { csv: text });
      setCsv({ text, fileName: file.name, preview: result });
      setPhoneColumn(result.phoneColumn ?? result.headers[0] ?? '');
      setNameColumn(result.nameColumn ?? '');
    } catch (caught) {
      onError(describeError(caught));
    }
  };

  return (
    <fieldset className="choices">
      <legend className="field__label">{t('schedule.recipients.legend')}</legend>
      <div className="row" role="radiogroup" aria-label={t('schedule.recipients.from')}>
        {(['list', 'csv', 'tag'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="source" checked={source === value} onChange={() => setSource(value)} />
            <span>{t('schedule.recipients.source', { source: value })}</span>
          </label>
        ))}
      </div>
      {source === 'list' && (
        <RecipientField
          session={session}
          label={t('forms.recipient.addContact')}
          placeholder={t('forms.recipient.addPlaceholder')}
          value={adding}
          onChange={setAdding}
          // A picked contact joins the list as "number, name", the list's own format.
          onPick={(phone, name) =>
            setPasted(
              (list) => `${list.trimEnd()}${list.trim() ? '\n' : ''}${phone}${name ? `, ${name}` : ''}\n`,
            )
          }
        />
      )}
      {source === 'list' && (
        <label className="field">
          <span className="field__label">{t('schedule.recipients.phones')}</span>
          <textarea
            rows={6}
            value={pasted}
            placeholder={t('schedule.recipients.phonesPlaceholder', { newline: '\n' })}
            onChange={(event) => setPasted(event.target.value)}
          />
          <span className="muted">{t('schedule.recipients.phonesHint')}</span>
        </label>
      )}
      {source === 'csv' && (
        <div className="stack">
          <label className="field">
            <span className="field__label">{t('schedule.recipients.csvFile')}</span>
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void loadCsv(file);
              }}
            />
          </label>
          {csv && (
            <CsvMapping
              fileName={csv.fileName}
              preview={csv.preview}
              phoneColumn={phoneColumn}
              nameColumn={nameColumn}
              onPhoneColumn={setPhoneColumn}
              onNameColumn={setNameColumn}
            />
          )}
        </div>
      )}
      {source === 'tag' && (
        <label className="field">
          <span className="field__label">{t('schedule.recipients.tag')}</span>
          <select value={tagId} onChange={(event) => setTagId(event.target.value)}>
            <option value="">{t('schedule.recipients.chooseTag')}</option>
            {(tags.data?.items ?? []).map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
          {tags.error && <span className="form-error">{tags.error}</span>}
        </label>
      )}
    </fieldset>
  );
}
