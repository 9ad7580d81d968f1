import { FormattedMessage } from 'react-intl';
import { useConnection } from '../../stores/connection';

export function AboutSection() {
  const appInfo = useConnection((state) => state.appInfo);
  if (!appInfo) return null;
  const origin = appInfo.apiBaseUrl.replace(/\/api\/v1$/, '');
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">
        <FormattedMessage id="settings.about.title" />
      </h2>
      <dl className="facts">
        <dt>
          <FormattedMessage id="settings.about.version" />
        </dt>
        <dd>{appInfo.version}</dd>
        <dt>
          <FormattedMessage id="settings.about.api" />
        </dt>
        <dd>
          <code>{appInfo.apiBaseUrl}</code> ·{' '}
          <a href={`${origin}/docs`} target="_blank" rel="noreferrer">
            <FormattedMessage id="settings.about.apiDocs" />
          </a>
        </dd>
        <dt>
          <FormattedMessage id="settings.about.listeningOn" />
        </dt>
        <dd>
          <code>{appInfo.boundHost}</code>
        </dd>
        <dt>
          <FormattedMessage id="settings.about.dataFolder" />
        </dt>
        <dd>
          <code>{appInfo.dataDir}</code>
        </dd>
      </dl>
    </section>
  );
}
