import { useIntl } from 'react-intl';
import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { readLocation } from '../../../model/inbox/content';

/** A shared place: its name and address, the coordinates, and a link to a map. */
export function LocationView({ message }: { message: Message }) {
  const intl = useIntl();
  const place = readLocation(message.content);
  if (!place) return <p className="muted">📍 {intl.formatMessage({ id: 'inbox.media.location' })}</p>;
  // Coordinates stay in the map's own notation (dot decimals, comma between): people paste them.
  const coords = `${place.latitude.toFixed(5)}, ${place.longitude.toFixed(5)}`;
  const map = `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`;
  return (
    <div className="card-content">
      <InboxIcon name="location" size={28} />
      <div>
        <strong dir="auto">
          {place.name ??
            intl.formatMessage({ id: place.live ? 'inbox.media.liveLocation' : 'inbox.media.location' })}
        </strong>
        {place.address && <div dir="auto">{place.address}</div>}
        <a href={map} target="_blank" rel="noreferrer" dir="ltr">
          {coords}
        </a>
      </div>
    </div>
  );
}
