import { useState, type FormEvent } from 'react';
import type { PreparedRestore, VerifiedBackupInfo } from '../../../src-shared/contract/backups';
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
  const transport = useTransport();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [contents, setContents] = useState<VerifiedBackupInfo | null>(null);
  const [done, setDone] = useState<PreparedRestore | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState<'verify' | 'restore' | null>(null);

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

  const restore = async () => {
    setBusy('restore');
    setError(null);
    try {
      setDone(await transport.call('backups.restore', { file: file.trim(), passphrase, replace: replacing }));
      setPassphrase('');
    } catch (caught) {
      setError(fieldErrorOf(caught));
    } finally {
      setBusy(null);
    }
  };

  if (done) {
    return (
      <div className="restore-done" role="status" aria-label="Restore ready">
        <p>
          <strong>The backup is restored.</strong> Quit Chatdock and start it again: it then uses the restored
          data ({done.counts.messages} messages, numbers{' '}
          {done.sessions.map((s) => s.name).join(', ') || 'none'}), and the numbers reconnect without a QR
          code.
        </p>
        <p className="muted">
          After the restart, sign in with the admin key of the installation the backup came from. Switch
          Chatdock off on the old PC: WhatsApp keeps one of the two, and the other is told that its number was
          opened somewhere else.
        </p>
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
      aria-label="Restore from a backup"
      onSubmit={(event) => void verify(event)}
    >
      <label className="field">
        <span className="field__label">Backup file (full path on this computer)</span>
        <input
          value={file}
          required
          placeholder="e.g. E:\Chatdock backups\chatdock-2026-12-05T03-00-00Z.chatdock-backup"
          onChange={(event) => {
            setFile(event.target.value);
            setContents(null);
          }}
        />
        {errorFor('file')}
      </label>
      <label className="field">
        <span className="field__label">Backup passphrase</span>
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
          {busy === 'verify' ? 'Checking…' : 'Check the backup'}
        </button>
      </div>
      {contents && (
        <div aria-label="Backup contents">
          <p>
            Made {formatTime(contents.createdAt)} by Chatdock {contents.appVersion},{' '}
            {formatBytes(contents.size)}: {contents.counts.messages} messages in {contents.counts.chats}{' '}
            chats, {contents.counts.mediaFiles} media files. Numbers:{' '}
            {contents.sessions.map((s) => `${s.name}${s.phone ? ` (+${s.phone})` : ''}`).join(', ') || 'none'}
            .
          </p>
          {replacing && (
            <p className="backup-warning">
              This installation’s own numbers and messages are replaced by the backup’s (they are kept in a
              folder beside the data folder, not deleted).
            </p>
          )}
          <button
            type="button"
            className={replacing ? 'button button--danger' : 'button button--primary'}
            disabled={busy !== null}
            onClick={() => void restore()}
          >
            {busy === 'restore'
              ? 'Restoring…'
              : replacing
                ? 'Replace this installation with the backup'
                : 'Restore'}
          </button>
          {errorFor('replace')}
        </div>
      )}
      {errorFor('other')}
    </form>
  );
}
