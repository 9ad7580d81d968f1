// Renders the app icons a phone needs to install Chatdock (manifest.webmanifest) from
// src-renderer/public/favicon.svg: 192 and 512 px, and a 512 px "maskable" one whose drawing
// stays inside the safe circle launchers crop to. Run once after changing the favicon:
//   node scripts/make-app-icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const publicDir = path.resolve(import.meta.dirname, '../src-renderer/public');
const svg = readFileSync(path.join(publicDir, 'favicon.svg'));

for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toFile(path.join(publicDir, `icon-${size}.png`));
}

// Maskable: the brand colour to every edge, the icon at 70 % in the middle.
const inner = Math.round(512 * 0.7);
const drawing = await sharp(svg, { density: (72 * inner) / 64 })
  .resize(inner, inner)
  .png()
  .toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#0b7a5f' } })
  .composite([{ input: drawing, gravity: 'center' }])
  .png()
  .toFile(path.join(publicDir, 'icon-maskable-512.png'));
