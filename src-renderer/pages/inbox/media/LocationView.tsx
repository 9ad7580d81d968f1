import type { Message } from '../../../../src-shared/messages';
import { InboxIcon } from '../InboxIcon';
import { readLocation } from '../../../model/inbox/content';

/** A shared place: its name and address, the coordinates, and a link to a map. */
export function LocationView({ message }: { message: Message }) {
  const place = readLocation(message.content);
  if (!place) return <p className="muted">📍 Location</p>;
  const coords = `${place.latitude.toFixed(5)}, ${place.longitude.toFixed(5)}`;
  const map = `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`;
  return (
    <div className="card-content">
      <InboxIcon name="location" size={28} />
      <div>
        <strong dir="auto">{place.name ?? (place.live ? 'Live location' : 'Location')}</strong>
        {place.address && <div dir="auto">{place.address}</div>}
        <a href={map} target="_blank" rel="noreferrer">
          {coords}
        </a>
      </div>
    </div>
  );
}
