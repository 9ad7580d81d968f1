import { hueOf, initials } from './logic/format';

/** A round badge with initials, coloured by the name (no profile pictures are fetched). */
export function Avatar({ name, size = 44 }: { name: string; size?: number }) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: size * 0.38, ['--avatar-hue' as string]: hueOf(name) }}
    >
      {initials(name)}
    </span>
  );
}
