import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainTo, staticGraph } from './static-imports.js';

/**
 * What the browser must download before the first screen (issue #23 target 7: ≤ 250 kB gzipped,
 * docs/PERFORMANCE.md case 14). These packages belong to pages that load on first visit
 * (`lazy-pages.ts`) or to the server: one static import of a constant from a module that also
 * builds zod schemas pulled ~90 kB of zod into the entry. Take constants from zod-free modules
 * (`src-shared/contract/constants/`) or import the page lazily. (Here, not beside the renderer:
 * reading sources needs Node, which renderer code may not import.)
 */
const NOT_BEFORE_FIRST_SCREEN = ['zod', 'recharts', 'd3-', 'qrcode'];

const root = path.resolve(__dirname, '..', '..');
// The areas en-first-screen.ts imports (read as text: renderer modules import JSON the Vite way).
const FIRST_SCREEN_AREAS = [
  ...readFileSync(path.join(root, 'src-renderer', 'i18n', 'messages', 'en-first-screen.ts'), 'utf8').matchAll(
    /from '\.\/([a-z-]+)\/en\.json'/g,
  ),
].map((match) => match[1] ?? '');
const graph = staticGraph(path.join(root, 'src-renderer', 'main.tsx'));

describe('the first screen', () => {
  it('follows the entry through the app (the walk itself works)', () => {
    const files = [...graph.files].map((file) => path.relative(root, file));
    expect(files).toContain('src-renderer/pages/InboxPage.tsx');
    expect(files).toContain('src-renderer/pages/inbox/MessageList.tsx');
    // `.js` specifiers in src-shared resolve to their .ts sources.
    expect(files).toContain('src-shared/jid.ts');
    expect([...graph.packages.keys()]).toContain('react-dom/client');
  });

  it('does not load the lazy pages', () => {
    const files = [...graph.files].map((file) => path.relative(root, file));
    expect(files).not.toContain('src-renderer/pages/ReportsPage.tsx');
    expect(files).not.toContain('src-renderer/pages/SettingsPage.tsx');
  });

  for (const name of NOT_BEFORE_FIRST_SCREEN) {
    it(`does not import ${name}`, () => {
      const importers = [...graph.packages]
        .filter(
          ([specifier]) => specifier === name || specifier.startsWith(name.endsWith('-') ? name : `${name}/`),
        )
        .map(([specifier, file]) => `${specifier}: ${chainTo(graph.via, file, root).join(' → ')}`);
      expect(importers).toEqual([]);
    });
  }
});

describe("the first screen's texts", () => {
  const areas = readdirSync(path.join(root, 'src-renderer', 'i18n', 'messages'), {
    withFileTypes: true,
  })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it('are in the entry: every area a module of the first screen names is in en-first-screen.ts', () => {
    const missing: string[] = [];
    for (const file of graph.files) {
      if (!/\.tsx?$/.test(file)) continue;
      // Ids are literals or templates that start with their area: 'inbox.x', `kinds.${kind}`.
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`]([a-z][a-z-]*)\.[A-Za-z_$]/g)) {
        const area = match[1] ?? '';
        if (areas.includes(area) && !FIRST_SCREEN_AREAS.includes(area)) {
          missing.push(`${area} (${path.relative(root, file)})`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('name real areas', () => {
    expect(FIRST_SCREEN_AREAS.length).toBeGreaterThan(10);
    expect(areas.filter((area) => FIRST_SCREEN_AREAS.includes(area)).sort()).toEqual(
      [...FIRST_SCREEN_AREAS].sort(),
    );
  });
});
