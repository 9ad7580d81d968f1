import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/**
 * Settings → Team → "Ask who is using this PC": the desktop window then starts at a switcher
 * (name + PIN or password) and acts as the chosen person until Lock. Owners and admins only,
 * like the page. Turned on in the desktop window itself, the core locks that window at once
 * (services/people/desktop-seat.ts), so the window reloads and starts at the switcher.
 */
export function DesktopSwitcherSetting() {
  const transport = useTransport();
  const settings = useQuery('peopleSettings.get', {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (askWhoIsUsingThisPc: boolean) => {
    setBusy(true);
    setError(null);
    try {
      settings.setData(await transport.call('peopleSettings.update', { askWhoIsUsingThisPc }));
      if (askWhoIsUsingThisPc && transport.kind === 'ipc') window.location.reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="team-desktop-title">
      <h2 id="team-desktop-title">
        <FormattedMessage id="desktop.setting.title" />
      </h2>
      {settings.error && (
        <p className="form-error" role="alert">
          {settings.error}
        </p>
      )}
      {!settings.data && !settings.error ? (
        <p className="muted" role="status">
          <FormattedMessage id="desktop.setting.loading" />
        </p>
      ) : (
        settings.data && (
          <label className="checkbox">
            <input
              type="checkbox"
              name="askWhoIsUsingThisPc"
              checked={settings.data.askWhoIsUsingThisPc}
              disabled={busy}
              aria-describedby="team-desktop-help"
              onChange={(event) => void change(event.target.checked)}
            />
            <span>
              <FormattedMessage id="desktop.setting.label" />
            </span>
          </label>
        )
      )}
      <p className="muted" id="team-desktop-help">
        <FormattedMessage id="desktop.setting.help" />
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
