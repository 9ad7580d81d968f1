// Builds the Node side (headless server, backup CLI, Electron main + preload) to dist/main as
// a few bundled files, so a start reads one file instead of resolving and compiling ~1,000
// modules: that module loading was most of the start-up (issue #23 targets 6 and 8; see
// docs/PERFORMANCE.md "Start-up, bundled"). Types are checked by `npm run typecheck`, not here.
//
// Kept outside the bundle: native addons and what loads files next to itself at run time
// (better-sqlite3, electron), Baileys' optional peer packages it imports only when present
// (sharp, jimp, audio-decode, link-preview-js), and pino (its transports and thread-stream load
// worker files by path). Everything else, our code and pure-JS packages, is inlined.
//
// The output paths are the ones tsc produced (dist/main/src-main/...), so package.json "main",
// `npm run serve`, e2e and electron-builder's file list are unchanged, and `appRoot()` still
// finds package.json by walking up. The build refuses test-only code (testkit/, e2e/, *.test.ts)
// in the bundle's inputs.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const EXTERNAL = [
  'better-sqlite3',
  'electron',
  'pino',
  // Baileys' optional peers: imported dynamically, only when installed.
  'sharp',
  'jimp',
  'audio-decode',
  'link-preview-js',
];

// CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
const REQUIRE_SHIM =
  "import { createRequire as __chatdockCreateRequire } from 'node:module';\n" +
  'const require = __chatdockCreateRequire(import.meta.url);';

/** Test-only sources must never reach the shipped bundle. */
function refuseTestCode(metafile) {
  const bad = Object.keys(metafile.inputs).filter(
    (input) => /^(testkit|e2e)\//.test(input) || /\.test\.[cm]?ts$/.test(input),
  );
  if (bad.length) throw new Error(`test-only code in the shipped bundle: ${bad.join(', ')}`);
}

/**
 * The input files an output reaches through static imports only (`import` statements, not
 * `import()`): what Node reads and compiles before that entry runs. The server entry must not
 * reach Baileys this way (src-main/wa/lazy-layer.ts; testkit/server-start/static-graph.test.ts).
 */
export function staticInputs(metafile, entryOutput) {
  const outputs = metafile.outputs;
  const seen = new Set();
  const walk = (output) => {
    if (seen.has(output) || !outputs[output]) return;
    seen.add(output);
    for (const imported of outputs[output].imports) {
      if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
    }
  };
  walk(entryOutput);
  const inputs = new Set();
  for (const output of seen) for (const input of Object.keys(outputs[output].inputs)) inputs.add(input);
  return { outputs: [...seen].sort(), inputs: [...inputs].sort() };
}

/**
 * Bundles the Node side. `write: false` builds in memory and only reports the inputs (what
 * `src-main/build-contents.test.ts` checks), leaving dist/ alone.
 */
export async function buildMain({ quiet = false, write = true, outRoot = root, onMetafile } = {}) {
  // outRoot: where dist/ goes (the bench builds the current sources into its scratch dir).
  const outdir = path.join(outRoot, 'dist', 'main', 'src-main');
  if (write) rmSync(path.join(outRoot, 'dist', 'main'), { recursive: true, force: true });
  const common = {
    write,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    metafile: true,
    // Fewer bytes to read, decode and pre-parse at every start (most of the start was that);
    // names kept because errors and logs print class names. Stack traces map back through the
    // linked source maps (`node --enable-source-maps`).
    minify: true,
    keepNames: true,
  };
  const esm = await build({
    ...common,
    entryPoints: {
      server: 'src-main/server.ts',
      'backup-cli': 'src-main/backup-cli.ts',
      'electron/main': 'src-main/electron/main.ts',
    },
    outdir,
    format: 'esm',
    // One copy of the shared code for the three entries (server, CLI, Electron main).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.js' },
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
  });
  // Sandboxed preloads cannot be ES modules: a CommonJS file of its own.
  const preload = await build({
    ...common,
    entryPoints: ['src-main/electron/preload.cts'],
    outfile: path.join(outdir, 'electron', 'preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
  refuseTestCode(esm.metafile);
  refuseTestCode(preload.metafile);
  onMetafile?.(esm.metafile, path.relative(root, outdir));
  const inputs = [...Object.keys(esm.metafile.inputs), ...Object.keys(preload.metafile.inputs)];
  // Kept for inspection: which package and file each byte of the bundle comes from.
  if (write) writeFileSync(path.join(outRoot, 'dist', 'main', 'meta.json'), JSON.stringify(esm.metafile));
  return [...new Set(inputs)].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `--list-inputs`: print the bundle's input files as JSON, write nothing.
  // `--out DIR`: build into DIR/dist/main instead of the repository's dist/.
  // `--static-inputs`: print, as JSON, what the server and Electron entries reach by static
  // imports (`staticInputs`) and every input of the bundle; write nothing.
  const list = process.argv.includes('--list-inputs');
  const statics = process.argv.includes('--static-inputs');
  const out = process.argv.indexOf('--out');
  const outRoot = out === -1 ? root : path.resolve(process.argv[out + 1]);
  let entries = null;
  const inputs = await buildMain({
    quiet: list || statics,
    write: !list && !statics,
    outRoot,
    onMetafile: (metafile, outdir) =>
      (entries = Object.fromEntries(
        ['server', 'electron/main'].map((entry) => [entry, staticInputs(metafile, `${outdir}/${entry}.js`)]),
      )),
  });
  if (list) process.stdout.write(JSON.stringify(inputs) + '\n');
  if (statics) process.stdout.write(JSON.stringify({ entries, all: inputs }) + '\n');
}
