// Draws the app icon (assets/icon.png, 512 px) and the tray icon (assets/tray.png, 32 px)
// without any image tool: a teal rounded square with a white speech bubble, anti-aliased.
// Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [15, 138, 108];
const WHITE = [255, 255, 255];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Signed distance to a rounded square of half-size h and corner radius r, centred at c. */
function roundedSquare(x, y, c, h, r) {
  const qx = Math.abs(x - c) - (h - r);
  const qy = Math.abs(y - c) - (h - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function coverage(distance) {
  return Math.min(1, Math.max(0, 0.5 - distance));
}

function icon(size) {
  const c = size / 2;
  return png(size, (x, y) => {
    const square = coverage(roundedSquare(x, y, c, size * 0.46, size * 0.2));
    const bubble = coverage(Math.hypot(x - c, y - c * 0.96) - size * 0.26);
    const tailX = x - (c - size * 0.2);
    const tailY = y - (c + size * 0.2);
    const tail = tailX > -size * 0.1 && tailY > -size * 0.1 && tailX + tailY < size * 0.02 ? 1 : 0;
    const white = Math.max(bubble, tail) * square;
    const rgb = TEAL.map((t, i) => Math.round(t * (1 - white) + WHITE[i] * white));
    return [...rgb, Math.round(255 * square)];
  });
}

writeFileSync(new URL('../assets/icon.png', import.meta.url), icon(512));
writeFileSync(new URL('../assets/tray.png', import.meta.url), icon(32));
