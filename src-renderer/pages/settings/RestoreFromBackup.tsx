import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PreparedRestore, VerifiedBackupInfo } from '../../../src-shared/contract/backups';
import type { Confirmation } from '../../../src-shared/contract/confirmation';
import { ConfirmWithPasswordButton } from '../../components/ConfirmWithPassword';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError, RpcError } from '../../transport/rpc-error';
import { formatBytes } from './backup-format';
import { formatTime } from './time';

type FieldError = { field: 'file' | 'passphrase' | 'replace' | 'other'; message: string };

function fieldErrorOf(caught: unknown): FieldError {
  const field = caught instanceof RpcError ? caught.field : undefined;
  return {
    field: field === 'file' || field === 'passphrase' || field === 'replace' ? field : 'other',
    message: describeError(caught),
  };
}

/**
 * "Restore from a backup": on a new PC's first run (Sessions, before any number is linked) and in
 * Settings → Backups. Checks the file first and shows what it holds; the restore itself is
 * decrypted beside the data dir and used from the next start (the running app holds the data).
 * `replacing`: this installation has numbers, so the owner confirms that its data is set aside.
 */
export function RestoreFromBackup({ replacing }: { replacing: boolean }) {
  const t = useT();
  const intl = useIntl();
  const transport = useTransport();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [contents, setContents] = useState<VerifiedBackupInfo | null>(null);
  const [done, setDone] = useState<PreparedRestore | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState<'verify' | null>(null);

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('verify');
    setError(null);
    setContents(null);
    try {
      setContents(await transport.call('backups.verify', { file: file.trim(), passphrase }));
    } catch (caught) {
      setError(fieldErrorOf(caught));
    } finally {
      setBusy(null);
    }
  };

  /** Cannot be undone: the shared dialog asks a signed-in person's password; it shows refusals. */
  const restore = async (confirmation: Confirmation) => {
    setError(null);
    setDone(
      await transport.call('backups.restore', {
        file: file.trim(),
        passphrase,
        replace: replacing,
        ...confirmation,
      }),
    );
    setPassphrase('');
  };

  if (done) {
    return (
      <div className="restore-done" role="status" aria-label={t('settings.restore.doneLabel')}>
        <p>
          <FormattedMessage
            id="settings.restore.done"
            values={{
              messages: done.counts.messages,
              numbers: done.sessions.length
                ? intl.formatList(done.sessions.map((s) => s.name))
                : t('settings.restore.none'),
              strong: (chunks) => <strong>{chunks}</strong>,
            }}
          />
        </p>
        <p className="muted">{t('settings.restore.after')}</p>
      </div>
    );
  }

  const errorFor = (field: FieldError['field']) =>
    error?.field === field ? (
      <span className="form-error" role="alert">
        {error.message}
      </span>
    ) : null;

  return (
    <form
      className="integration-form"
      aria-label={t('settings.restore.formLabel')}
      onSubmit={(event) => void verify(event)}
    >
      <label className="field">
        <span className="field__label">{t('settings.restore.file')}</span>
        <input
          value={file}
          required
          placeholder={t('settings.restore.filePlaceholder', {
            example: 'E:\\Backups\\chatdock-2026-12-05T03-00-00Z.chatdock-backup',
          })}
          onChange={(event) => {
            setFile(event.target.value);
            setContents(null);
          }}
        />
        {errorFor('file')}
      </label>
      <label className="field">
        <span className="field__label">{t('settings.restore.passphrase')}</span>
        <input
          type="password"
          required
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.target.value);
            setContents(null);
          }}
        />
        {errorFor('passphrase')}
      </label>
      <div>
        <button type="submit" className="button button--secondary" disabled={busy !== null}>
          {t(busy === 'verify' ? 'settings.restore.checking' : 'settings.restore.check')}
        </button>
      </div>
      {contents && (
        <div aria-label={t('settings.restore.contentsLabel')}>
          <p>
            {t('settings.restore.contents', {
              date: formatTime(contents.createdAt),
              version: contents.appVersion,
              size: formatBytes(contents.size),
              messages: contents.counts.messages,
              chats: contents.counts.chats,
              media: contents.counts.mediaFiles,
              numbers: contents.sessions.length
                ? intl.formatList(contents.sessions.map((s) => `${s.name}${s.phone ? ` (+${s.phone})` : ''}`))
                : t('settings.restore.none'),
            })}
          </p>
          {replacing && <p className="backup-warning">{t('settings.restore.replaceWarning')}</p>}
          <ConfirmWithPasswordButton
            danger={replacing}
            disabled={busy !== null}
            label={t(replacing ? 'settings.restore.replace' : 'settings.restore.restore')}
            question={t('settings.restore.confirmQuestion')}
            confirmLabel={t(replacing ? 'settings.restore.replace' : 'settings.restore.restore')}
            onConfirm={restore}
            onError={(caught) => setError(fieldErrorOf(caught))}
          />
          {errorFor('replace')}
        </div>
      )}
      {errorFor('other')}
    </form>
  );
}
