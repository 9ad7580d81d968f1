import { FormattedMessage, useIntl } from 'react-intl';
import { CopyButton } from '../../components/CopyButton';
import { useQuery } from '../../hooks';
import { useT } from '../../i18n/use-t';
import { useConnection, useTransport } from '../../stores/connection';

/** Where this UI reaches Chatdock: the browser's own origin, or the API address in the desktop app. */
function useAppOrigin(): string {
  const transport = useTransport();
  const apiBaseUrl = useConnection((state) => state.appInfo?.apiBaseUrl ?? '');
  return transport.kind === 'http' ? window.location.origin : apiBaseUrl.replace(/\/api\/v1$/, '');
}

/** The snippet's size in the reader's number format ("6.1 kB", "6,1 kB"). */
function useKilobytes(): (text: string) => string {
  const intl = useIntl();
  return (text) =>
    intl.formatNumber(new Blob([text]).size / 1024, {
      style: 'unit',
      unit: 'kilobyte',
      unitDisplay: 'short',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
}

/** The two ways onto a website, for the saved widget, and a local page to try it. */
export function SnippetsPanel({ id, dirty, active }: { id: string; dirty: boolean; active: boolean }) {
  const t = useT();
  const kilobytes = useKilobytes();
  const snippets = useQuery('widgets.snippets', { id });
  const origin = useAppOrigin();
  const data = snippets.data;
  return (
    <section className="card" aria-labelledby="widget-snippets-title">
      <div className="card__header">
        <h2 id="widget-snippets-title">{t('widget.snippets.title')}</h2>
        <a
          className="button button--secondary"
          href={`${origin}/widget-test/${id}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('widget.snippets.openTest')}
        </a>
      </div>
      {dirty && (
        <p className="notice" role="status">
          {t('widget.snippets.dirty')}
        </p>
      )}
      {!active && <p className="notice">{t('widget.snippets.off')}</p>}
      {snippets.loading && !data && <p className="muted">{t('widget.snippets.loading')}</p>}
      {snippets.error && (
        <div className="row">
          <p className="form-error">{snippets.error}</p>
          <button type="button" className="button button--secondary" onClick={() => void snippets.reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {data && (
        <>
          <div className="snippet">
            <label className="field__label" htmlFor="snippet-hosted">
              {t('widget.snippets.hosted')}
            </label>
            <p className="field__hint">
              <FormattedMessage
                id="widget.snippets.hostedHint"
                values={{ variable: 'CHATDOCK_PUBLIC_URL', code: (chunks) => <code>{chunks}</code> }}
              />
            </p>
            {/* Code: left to right in every language, and no words to translate (lang="zxx"). */}
            <textarea
              id="snippet-hosted"
              className="snippet__code"
              readOnly
              rows={3}
              dir="ltr"
              lang="zxx"
              value={data.hosted}
            />
            <CopyButton text={data.hosted} label={t('widget.snippets.copyHosted')} />
          </div>
          <div className="snippet">
            <label className="field__label" htmlFor="snippet-self-contained">
              {t('widget.snippets.selfContained', { size: kilobytes(data.selfContained) })}
            </label>
            <p className="field__hint">{t('widget.snippets.selfContainedHint')}</p>
            <textarea
              id="snippet-self-contained"
              className="snippet__code"
              readOnly
              rows={4}
              dir="ltr"
              lang="zxx"
              value={data.selfContained}
            />
            <CopyButton text={data.selfContained} label={t('widget.snippets.copySelfContained')} />
          </div>
        </>
      )}
    </section>
  );
}
