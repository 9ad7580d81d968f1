/** Inline SVG icons (no icon font or CDN), 20px, drawn with the current text colour. */
const paths = {
  sessions:
    'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5H7zm4 14.5a1 1 0 1 0 2 0 1 1 0 0 0-2 0z',
  inbox: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm2 4v2h12V8H6zm0 4v2h8v-2H6z',
  schedule:
    'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm1 3v5.4l3.6 2.1-1 1.7L11 13.5V7h2z',
  tags: 'M3 3h8l10 10-8 8L3 11V3zm4 2.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  widget:
    'M12 2a10 10 0 0 1 8.7 14.9L22 22l-5.2-1.3A10 10 0 1 1 12 2zm-3 6c-.6 0-1 .5-1 1 0 3.9 3.1 7 7 7 .5 0 1-.4 1-1v-1.5l-2.2-.7-1 1a5.5 5.5 0 0 1-2.6-2.6l1-1L10.5 8H9z',
  settings:
    'M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm8.9 2.2-2-.4a7 7 0 0 0-.6-1.5l1.1-1.7-2-2-1.7 1.1a7 7 0 0 0-1.5-.6l-.4-2h-2.8l-.4 2a7 7 0 0 0-1.5.6L5.4 4.6l-2 2 1.1 1.7a7 7 0 0 0-.6 1.5l-2 .4v2.8l2 .4c.1.5.3 1 .6 1.5l-1.1 1.7 2 2 1.7-1.1c.5.3 1 .5 1.5.6l.4 2h2.8l.4-2a7 7 0 0 0 1.5-.6l1.7 1.1 2-2-1.1-1.7c.3-.5.5-1 .6-1.5l2-.4v-2.8z',
  logout:
    'M10 3h9a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-9v-2h9V5h-9V3zm-1 5 1.4 1.4L8.8 11H16v2H8.8l1.6 1.6L9 16l-4-4 4-4z',
  automation: 'M13 2 4 14h6l-1 8 9-12h-6l1-8z',
  more: 'M5 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4z',
  logs: 'M4 3h16v18H4V3zm2 2v14h12V5H6zm2 2h8v2H8V7zm0 4h8v2H8v-2zm0 4h5v2H8v-2z',
  person:
    'M12 3a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zm0 8c4.4 0 8 2.2 8 5v3H4v-3c0-2.8 3.6-5 8-5zm0 2c-3.4 0-6 1.6-6 3v1h12v-1c0-1.4-2.6-3-6-3z',
  team: 'M9 4a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm7.5 1a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM9 13c3.9 0 7 1.8 7 4v3H2v-3c0-2.2 3.1-4 7-4zm8.5.2c2.6.3 4.5 1.7 4.5 3.3V20h-4v-3c0-1.4-.2-2.6-.5-3.8z',
  calendar:
    'M7 2h2v2h6V2h2v2h2a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2V2zM5 9v10h14V9H5zm2 2h3v3H7v-3z',
  /** Points to where text starts (left in English): "previous". */
  chevronStart: 'M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z',
  /** Points to where text ends (right in English): "next". */
  chevronEnd: 'M8.6 5.4 10 4l8 8-8 8-1.4-1.4 6.6-6.6z',
  copy: 'M8 3h11a2 2 0 0 1 2 2v11h-2V5H8V3zM5 7h10a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v11h10V9H5z',
} as const;

export type IconName = keyof typeof paths;

/** Icons that point somewhere: they face the other way in right-to-left languages (base.css). */
const DIRECTIONAL: ReadonlySet<IconName> = new Set(['logout', 'chevronStart', 'chevronEnd']);

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
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
