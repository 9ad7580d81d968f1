// `npm run i18n:verify` (part of `npm run lint`): FormatJS's own check of the UI catalogues.
// Each area folder (src-renderer/i18n/messages/<area>/) holds one file per language; every
// language must have exactly English's keys, as valid ICU with the same arguments and tags.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = 'src-renderer/i18n/messages';
const areas = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory());
const cli = path.resolve('node_modules/.bin/formatjs');
let failed = false;
for (const area of areas) {
  const folder = path.join(root, area.name);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(folder, name));
  try {
    execFileSync(
      cli,
      [
        'verify',
        '--source-locale',
        'en',
        '--missing-keys',
        '--extra-keys',
        '--structural-equality',
        ...files,
      ],
      { stdio: 'inherit' },
    );
  } catch {
    console.error(`i18n: ${folder} failed the check above`);
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`i18n: ${areas.length} areas verified`);
