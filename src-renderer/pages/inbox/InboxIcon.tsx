/** The inbox's own icons (inline SVG, drawn with the text colour). */
const paths = {
  search:
    'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
  bell: 'M12 3a6 6 0 0 1 6 6v4l2 3v1H4v-1l2-3V9a6 6 0 0 1 6-6zm-2 15h4a2 2 0 0 1-4 0z',
  bellOff:
    'M4.3 3 21 19.7 19.7 21l-3-3H4v-1l2-3V9c0-.9.2-1.8.6-2.6L3 4.3 4.3 3zM12 3a6 6 0 0 1 6 6v4.2L8.4 3.6A6 6 0 0 1 12 3zm-2 16h4a2 2 0 0 1-4 0z',
  pin: 'M14 3l7 7-2 1-3 3v4l-1 1-3.5-3.5L6 20H4v-2l4.5-5.5L5 9l1-1h4l3-3 1-2z',
  archive: 'M3 4h18v4H3V4zm1 5h16v11H4V9zm5 3v2h6v-2H9z',
  muted:
    'M3 9h4l5-4v14l-5-4H3V9zm13.6 0L18 10.4 19.4 9l1.4 1.4-1.4 1.4 1.4 1.4-1.4 1.4-1.4-1.4-1.4 1.4-1.4-1.4 1.4-1.4-1.4-1.4L16.6 9z',
  attach:
    'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10h-1.5z',
  emoji:
    'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm-3.5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm7 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM7.5 14h9a4.5 4.5 0 0 1-9 0z',
  mic: 'M12 2a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V5a3 3 0 0 1 3-3zm-7 9h2a5 5 0 0 0 10 0h2a7 7 0 0 1-6 6.9V21h-2v-3.1A7 7 0 0 1 5 11z',
  send: 'M3 20.5V14l11-2-11-2V3.5L22 12 3 20.5z',
  reply: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
  forward: 'M14 9V5l7 7-7 7v-4.1c-5 0-8.5 1.6-11 5.1 1-5 4-10 11-11z',
  more: 'M7 9l5 5 5-5H7z',
  download: 'M11 3h2v9.2l3.3-3.3 1.4 1.4L12 16l-5.7-5.7 1.4-1.4 3.3 3.3V3zM4 18h16v2H4v-2z',
  close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4 6.4 5z',
  document: 'M6 2h8l6 6v14H6V2zm7 1.5V9h5.5L13 3.5z',
  location:
    'M12 2a7 7 0 0 1 7 7c0 5-7 13-7 13S5 14 5 9a7 7 0 0 1 7-7zm0 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5z',
  poll: 'M4 4h16v16H4V4zm3 9v4h2v-4H7zm4-6v10h2V7h-2zm4 3v7h2v-7h-2z',
  arrowDown: 'M11 4h2v12.2l5.3-5.3 1.7 1.4-8 8-8-8 1.7-1.4 5.3 5.3V4z',
  info: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 8v7h2v-7h-2zm0-4v2h2V6h-2z',
  edit: 'M4 17.2V20h2.8l8.3-8.3-2.8-2.8L4 17.2zM19.7 7.1a1 1 0 0 0 0-1.4l-1.4-1.4a1 1 0 0 0-1.4 0l-1.5 1.5 2.8 2.8 1.5-1.5z',
  trash: 'M9 3h6l1 2h4v2H4V5h4l1-2zM6 8h12l-1 13H7L6 8z',
  copy: 'M8 3h11a2 2 0 0 1 2 2v11h-2V5H8V3zM5 7h10a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v11h10V9H5z',
  back: 'M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20v-2z',
  next: 'M4 11h12.2l-5.6-5.6L12 4l8 8-8 8-1.4-1.4 5.6-5.6H4v-2z',
  clock:
    'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm1 3v5.4l3.6 2.1-1 1.7L11 13.5V7h2z',
  alert: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 5v7h2V7h-2zm0 9v2h2v-2h-2z',
  image: 'M4 4h16v16H4V4zm2 2v9l4-4 3 3 2-2 3 3V6H6zm9 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  stop: 'M6 6h12v12H6V6z',
  play: 'M7 4.5v15l12.5-7.5L7 4.5z',
  pause: 'M6 4h4.5v16H6V4zm7.5 0H18v16h-4.5V4z',
  newChat: 'M4 4h16v12H7l-3 3V4zm7 3v2.5H8.5v2H11V14h2v-2.5h2.5v-2H13V7h-2z',
  /** Status (stories): a ring around a dot. */
  status:
    'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm0 3a5 5 0 1 1 0 10 5 5 0 0 1 0-10z',
  /** A chat bubble with the unread dot. */
  markUnread: 'M4 5h10v2H6v9h12v-4h2v6H7l-3 3V5zm15-3a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
} as const;

export type InboxIconName = keyof typeof paths;

/** Icons that point along the reading direction: mirrored in right-to-left (base.css). */
const DIRECTIONAL: ReadonlySet<InboxIconName> = new Set(['back', 'next', 'forward', 'reply', 'send']);

export function InboxIcon({ name, size = 20 }: { name: InboxIconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className={DIRECTIONAL.has(name) ? 'icon--directional' : undefined}
    >
      <path fill="currentColor" d={paths[name]} />
    </svg>
  );
}
