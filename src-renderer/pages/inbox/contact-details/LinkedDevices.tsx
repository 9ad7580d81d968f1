import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from '../../../hooks';

/**
 * "Linked devices" in the contact panel (issue #26 point 8): the person's phone and every
 * companion (web, desktop, another app), asked from WhatsApp when the panel opens.
 */
export function LinkedDevices({ session, jid }: { session: string; jid: string }) {
  const intl = useIntl();
  const devices = useQuery('contactDetails.devices', { session, jid });
  const list = devices.data?.devices ?? [];
  return (
    <section
      className="contact-panel__section contact-devices"
      aria-label={intl.formatMessage({ id: 'contactdetails.devices.title' })}
    >
      <h3>
        <FormattedMessage id="contactdetails.devices.title" />
      </h3>
      {devices.loading ? (
        <p className="muted" role="status" aria-busy="true">
          <FormattedMessage id="contactdetails.devices.loading" />
        </p>
      ) : devices.error ? (
        <p className="form-error" role="alert">
          <FormattedMessage id="contactdetails.devices.error" values={{ reason: devices.error }} />{' '}
          <button type="button" className="link-button" onClick={() => void devices.reload()}>
            <FormattedMessage id="contactdetails.devices.retry" />
          </button>
        </p>
      ) : list.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="contactdetails.devices.empty" />
        </p>
      ) : (
        <ul className="contact-devices__list">
          {list.map((device) => (
            <li key={device.jid} data-device={device.device}>
              <FormattedMessage
                id={device.device === 0 ? 'contactdetails.devices.phone' : 'contactdetails.devices.companion'}
                values={{ number: device.device }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
