import { useConnection } from '../../stores/connection';

export function AboutSection() {
  const appInfo = useConnection((state) => state.appInfo);
  if (!appInfo) return null;
  const origin = appInfo.apiBaseUrl.replace(/\/api\/v1$/, '');
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{appInfo.version}</dd>
        <dt>API</dt>
        <dd>
          <code>{appInfo.apiBaseUrl}</code> ·{' '}
          <a href={`${origin}/docs`} target="_blank" rel="noreferrer">
            API documentation
          </a>
        </dd>
        <dt>Listening on</dt>
        <dd>
          <code>{appInfo.boundHost}</code>
        </dd>
        <dt>Data folder</dt>
        <dd>
          <code>{appInfo.dataDir}</code>
        </dd>
      </dl>
    </section>
  );
}
