import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Emoji images for the web UI (issue #18 point 17: emoji look the same on every PC, and Linux
 * PCs often have no colour emoji font). Twemoji's SVGs (@twemoji/svg) are copied to
 * `dist/web/emoji/<code>.svg` at build, served from there in `vite` dev, and the list of codes
 * that have an image is the module `virtual:twemoji-codes`, so the UI only swaps in images it has.
 * Images rather than a colour font: COLRv1 emoji fonts draw nothing in some engines (Safari, and
 * the Chromium that runs our e2e tests), an SVG draws everywhere.
 */
const require = createRequire(import.meta.url);
const DIR = path.dirname(require.resolve('@twemoji/svg/package.json'));
const VIRTUAL = 'virtual:twemoji-codes';

const svgFiles = () => readdirSync(DIR).filter((name) => name.endsWith('.svg'));

/** @returns {import('vite').Plugin} */
export function twemojiImages() {
  return {
    name: 'chatdock-twemoji',
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      const codes = svgFiles().map((name) => name.slice(0, -'.svg'.length));
      return `export default ${JSON.stringify(codes.join(' '))};`;
    },
    configureServer(server) {
      server.middlewares.use('/emoji/', (request, response, next) => {
        const name = path.basename(request.url ?? '');
        if (!/^[0-9a-f-]+\.svg$/.test(name)) return next();
        try {
          response.setHeader('Content-Type', 'image/svg+xml');
          response.end(readFileSync(path.join(DIR, name)));
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const name of svgFiles())
        this.emitFile({
          type: 'asset',
          fileName: `emoji/${name}`,
          source: readFileSync(path.join(DIR, name)),
        });
    },
  };
}
