/**
 * WhatsApp Business gives a label one of 20 colours, sent as an index (0–19, Baileys
 * `LabelColor`); a tag has any `#rrggbb`. A label's colour becomes the palette's hex (close to
 * what WhatsApp Business shows); a tag's colour is sent as the nearest index, and the tag keeps
 * its exact colour as long as the phone does not pick another one.
 */
export const LABEL_PALETTE = [
  '#ff9485',
  '#64c4ff',
  '#ffd429',
  '#dfaef0',
  '#99b6c1',
  '#55ccb3',
  '#ff9dff',
  '#d3a91d',
  '#6d7cce',
  '#d7e752',
  '#00d0e2',
  '#ffc5c7',
  '#93ceac',
  '#f74848',
  '#00a0f2',
  '#83e422',
  '#ffaf04',
  '#b5ebff',
  '#9ba6ff',
  '#9368cf',
] as const;

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The tag colour of a label colour index (an unknown index wraps into the palette). */
export function colorOfIndex(index: number): string {
  const size = LABEL_PALETTE.length;
  return LABEL_PALETTE[((Math.trunc(index) % size) + size) % size] ?? LABEL_PALETTE[0];
}

/** The label colour index nearest to a tag colour (squared RGB distance). */
export function indexOfColor(hex: string): number {
  const [r, g, b] = rgb(hex);
  let best = 0;
  let bestDistance = Infinity;
  LABEL_PALETTE.forEach((candidate, index) => {
    const [cr, cg, cb] = rgb(candidate);
    const distance = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
