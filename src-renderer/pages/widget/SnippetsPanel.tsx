import { CopyButton } from '../../components/CopyButton';
import { useQuery } from '../../hooks';
import { useConnection, useTransport } from '../../stores/connection';

/** Where this UI reaches Chatdock: the browser's own origin, or the API address in the desktop app. */
function useAppOrigin(): string {
  const transport = useTransport();
  const apiBaseUrl = useConnection((state) => state.appInfo?.apiBaseUrl ?? '');
  return transport.kind === 'http' ? window.location.origin : apiBaseUrl.replace(/\/api\/v1$/, '');
}

function kilobytes(text: string): string {
  return `${(new Blob([text]).size / 1024).toFixed(1)} kB`;
}

/** The two ways onto a website, for the saved widget, and a local page to try it. */
export function SnippetsPanel({ id, dirty, active }: { id: string; dirty: boolean; active: boolean }) {
  const snippets = useQuery('widgets.snippets', { id });
  const origin = useAppOrigin();
  const data = snippets.data;
  return (
    <section className="card" aria-labelledby="widget-snippets-title">
      <div className="card__header">
        <h2 id="widget-snippets-title">Put it on your website</h2>
        <a
          className="button button--secondary"
          href={`${origin}/widget-test/${id}`}
          target="_blank"
          rel="noreferrer"
        >
          Open test page
        </a>
      </div>
      {dirty && (
        <p className="notice" role="status">
          You have unsaved changes. The snippets and the test page show the saved widget.
        </p>
      )}
      {!active && (
        <p className="notice">
          This widget is switched off: the hosted snippet shows nothing until it is active.
        </p>
      )}
      {snippets.loading && !data && <p className="muted">Loading snippets…</p>}
      {snippets.error && (
        <div className="row">
          <p className="form-error">{snippets.error}</p>
          <button type="button" className="button button--secondary" onClick={() => void snippets.reload()}>
            Retry
          </button>
        </div>
      )}
      {data && (
        <>
          <div className="snippet">
            <label className="field__label" htmlFor="snippet-hosted">
              Hosted snippet
            </label>
            <p className="field__hint">
              Loads the widget from this PC, so edits show up at once, but only while Chatdock is running and
              visitors&apos; browsers can reach it (set <code>CHATDOCK_PUBLIC_URL</code> to the address of a
              reverse proxy or tunnel so the snippet points there).
            </p>
            <textarea id="snippet-hosted" className="snippet__code" readOnly rows={3} value={data.hosted} />
            <CopyButton text={data.hosted} label="Copy hosted snippet" />
          </div>
          <div className="snippet">
            <label className="field__label" htmlFor="snippet-self-contained">
              Self-contained snippet ({kilobytes(data.selfContained)})
            </label>
            <p className="field__hint">
              Everything inlined: works on any website even when this PC is off. Copy it again after changes.
            </p>
            <textarea
              id="snippet-self-contained"
              className="snippet__code"
              readOnly
              rows={4}
              value={data.selfContained}
            />
            <CopyButton text={data.selfContained} label="Copy self-contained snippet" />
          </div>
        </>
      )}
    </section>
  );
}
