import { useRef, useState, type ChangeEvent } from 'react';
import type { MediaItem } from '../../../../src-shared/contract/media-library';
import { CopyButton } from '../../../components/CopyButton';
import { DataTable, type Column } from '../../../components/data-table/DataTable';
import { useQuery } from '../../../hooks';
import { formatBytes } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';
import { formatTime } from '../time';

/** Reads a picked file as a `data:` URL, the form `media.upload` takes. */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * Settings → Media library (issue #26 point 6): files uploaded once and sent by id through the
 * API (`media.mediaId`). Lists size, type and expiry; uploads a file (the server checks size
 * and format and names the problem beside the picker); deletes one; copies an id.
 */
export function MediaLibrarySection() {
  const t = useT();
  const transport = useTransport();
  const list = useQuery('media.list', { limit: 200 });
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setUploadError(null);
    try {
      const data = await readAsDataUrl(file);
      await transport.call('media.upload', { data, fileName: file.name });
      await list.reload();
    } catch (caught) {
      // A bad file is named as `data`: it is the picked file, shown beside the picker.
      setUploadError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (item: MediaItem) => {
    setRowError(null);
    try {
      await transport.call('media.delete', { id: item.id });
      await list.reload();
    } catch (caught) {
      setRowError(describeError(caught));
    }
  };

  const columns: Column<MediaItem>[] = [
    { id: 'name', header: t('medialibrary.column.file'), cell: (item) => item.fileName ?? item.id },
    { id: 'type', header: t('medialibrary.column.type'), cell: (item) => item.mimetype },
    { id: 'size', header: t('medialibrary.column.size'), cell: (item) => formatBytes(item.size) },
    { id: 'expires', header: t('medialibrary.column.expires'), cell: (item) => formatTime(item.expiresAt) },
    {
      id: 'actions',
      header: t('medialibrary.column.actions'),
      hideHeader: true,
      cell: (item) => (
        <div className="row">
          <CopyButton text={item.id} label={t('medialibrary.copyId')} />
          <button
            type="button"
            className="button button--danger"
            aria-label={t('medialibrary.deleteNamed', { name: item.fileName ?? item.id })}
            onClick={() => void remove(item)}
          >
            {t('medialibrary.delete')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="media-library-title">
      <h2 id="media-library-title">{t('medialibrary.title')}</h2>
      <p className="muted">{t('medialibrary.intro')}</p>
      <div className="row">
        <input
          ref={picker}
          id="media-library-file"
          type="file"
          hidden
          aria-describedby={uploadError ? 'media-library-error' : undefined}
          onChange={(event) => void upload(event)}
        />
        <button type="button" className="button" disabled={busy} onClick={() => picker.current?.click()}>
          {busy ? t('medialibrary.uploading') : t('medialibrary.upload')}
        </button>
        {uploadError && (
          <span className="form-error" role="alert" id="media-library-error">
            {uploadError}
          </span>
        )}
      </div>
      {rowError && (
        <p className="form-error" role="alert">
          {rowError}
        </p>
      )}
      <DataTable
        label={t('medialibrary.title')}
        columns={columns}
        rows={list.data?.items ?? null}
        rowKey={(item) => item.id}
        error={list.error}
        loading={list.loading && !list.data ? t('medialibrary.loading') : undefined}
        empty={t('medialibrary.empty')}
      />
    </section>
  );
}
