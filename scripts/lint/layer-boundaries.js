// ESLint rule: the "may import" column of docs/ARCHITECTURE.md, checked on resolved paths, so a
// relative import ('../../api/server.js') is judged by where it lands, not by how it is spelled.
// ESLint's own no-restricted-imports matches import strings only; eslint-plugin-import's
// no-restricted-paths does this too but pulls in a resolver stack for one check.
import path from 'node:path';
import { MAY_IMPORT_SERVICES, ROUTES_DIR, SERVICES_DIR, SERVICES_TYPE } from './route-adapters.js';

/** Layers, most specific first: the first whose folder contains a file is its layer. */
const LAYERS = [
  { name: 'electron', dir: 'src-main/electron' },
  { name: 'app', dir: 'src-main/app' },
  { name: 'api', dir: 'src-main/api' },
  { name: 'rpc', dir: 'src-main/rpc' },
  { name: 'services', dir: 'src-main/services' },
  { name: 'wa', dir: 'src-main/wa' },
  { name: 'db', dir: 'src-main/db' },
  { name: 'core', dir: 'src-main/core' },
  { name: 'entry', dir: 'src-main' },
  { name: 'shared', dir: 'src-shared' },
  { name: 'renderer', dir: 'src-renderer' },
  { name: 'testkit', dir: 'testkit' },
  { name: 'e2e', dir: 'e2e' },
  { name: 'bench', dir: 'bench' },
  { name: 'scripts', dir: 'scripts' },
];

/** What each layer may import (besides itself and packages). */
const ALLOWED = {
  shared: [],
  renderer: ['shared'],
  core: ['shared'],
  db: ['core', 'shared'],
  wa: ['core', 'db', 'shared'],
  services: ['wa', 'db', 'core', 'shared'],
  rpc: ['services', 'wa', 'db', 'core', 'shared'],
  api: ['rpc', 'services', 'wa', 'db', 'core', 'shared'],
  app: ['api', 'rpc', 'services', 'wa', 'db', 'core', 'shared'],
  electron: ['app', 'api', 'core', 'shared'],
  entry: ['app', 'api', 'rpc', 'services', 'wa', 'db', 'core', 'shared'],
};

/**
 * Tests are not product code: they may reach across layers (an integration test boots the whole
 * app) and use the test kit. Product code may never import the test kit, e2e or bench.
 */
const TEST_FILE = /\.(test|spec)\.tsx?$/;

function layerOf(relative) {
  return LAYERS.find((layer) => relative === layer.dir || relative.startsWith(`${layer.dir}/`))?.name;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer boundaries of docs/ARCHITECTURE.md' },
    schema: [],
    messages: {
      forbidden: "{{from}} may not import {{to}} ('{{spec}}'): see the layer table in docs/ARCHITECTURE.md.",
      routeToService:
        "A route file calls contract operations, not services ('{{spec}}'): make it an adapter " +
        '(api/operation-route.ts), or list it in scripts/lint/route-adapters.js with the reason.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = layerOf(file);
    const allowed = from ? ALLOWED[from] : undefined;
    if (!allowed) return {};
    if (TEST_FILE.test(file)) return {};

    // A route file (not on an allow-list) may take only the Services type from services/.
    const routeName = file.startsWith(`${ROUTES_DIR}/`) ? file.slice(ROUTES_DIR.length + 1) : null;
    const routeFile = routeName !== null && !MAY_IMPORT_SERVICES.has(routeName);
    const isServiceModule = (target) =>
      target.startsWith(`${SERVICES_DIR}/`) && target.replace(/\.ts$/, '.js') !== SERVICES_TYPE;

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const to = layerOf(target);
      if (!to || to === from) return;
      if (!allowed.includes(to)) context.report({ node, messageId: 'forbidden', data: { from, to, spec } });
      else if (routeFile && isServiceModule(target)) {
        context.report({ node, messageId: 'routeToService', data: { spec } });
      }
    }

    const allTypes = (node) =>
      node.importKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, allTypes(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};
