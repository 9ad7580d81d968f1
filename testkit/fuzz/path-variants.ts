import type { Random } from '../support/random.js';

/**
 * Spellings of `path` (e.g. `/api/v1/sessions/shop`) that a lenient router or a proxy may take
 * for the same route, or for another: case changes, encoded slashes and dots, dot segments,
 * trailing dots and slashes, doubled slashes. Sent byte for byte (fetch would normalise them).
 */
export function pathVariant(random: Random, path: string): { path: string; note: string } {
  const segments = path.split('/').slice(1); // ['api', 'v1', ...]
  const at = 1 + random.int(segments.length - 1); // never the empty first segment
  const upper = (index: number) =>
    `/${segments.map((s, i) => (i === index ? s.toUpperCase() : s)).join('/')}`;
  const variants: (() => [string, string])[] = [
    () => [path.replace('/api/', '/API/'), '/API'],
    () => [
      path.replace(/^\/(api|rpc)\//, (_all, prefix: string) => `/${prefix.toUpperCase()}/`),
      '/API or /RPC',
    ],
    () => [path.replace('/api/v1/', '/Api/V1/'), '/Api/V1'],
    () => [upper(random.int(segments.length)), 'one segment upper-cased'],
    () => [path.toUpperCase(), 'all upper-cased'],
    () => [path.replace('/api/', '/%61pi/'), 'an escaped letter'],
    () => [path.replace('/api/v1/', '/api%2Fv1/'), '%2F between api and v1'],
    () => [`/${segments.slice(0, at).join('/')}%2F${segments.slice(at).join('/')}`, '%2F for a slash'],
    () => [path.replace('/api/v1/', '/api/v1/./'), '/./'],
    () => [path.replace('/api/v1/', '/api/v1/fuzz/../'), '/x/../'],
    () => [path.replace('/api/v1/', '/api/x/../v1/'), '/api/x/../v1'],
    () => [path.replace('/api/v1/', '/api/v1/%2e/'), '/%2e/'],
    () => [path.replace('/api/v1/', '/api/v1/fuzz/%2e%2e/'), '/x/%2e%2e/'],
    () => [path.replace('/api/v1/', '/api/v1/fuzz/%2E%2E%2F'), '/x/%2E%2E%2F'],
    () => [`${path}/`, 'trailing slash'],
    () => [`${path}.`, 'trailing dot'],
    () => [`${path}%2e`, 'trailing %2e'],
    () => [`${path}/.`, 'trailing /.'],
    () => [`${path}//`, 'trailing //'],
    () => [path.replace('/api/v1/', '/api//v1/'), 'doubled slash'],
    () => [`/${path}`, 'leading doubled slash'],
    () => [path.replace('/api/v1/', '/api/v1;x/'), 'matrix parameter'],
    () => [`${path}%00`, 'trailing %00'],
    () => [`${path}#x`, 'fragment'],
    () => [`${path}?%zz=%zz`, 'broken query escapes'],
  ];
  const [variant, note] = random.pick(variants)();
  return { path: variant, note };
}

/** A path parameter value that is not what the route expects, already escaped for the path. */
export function nastyParam(random: Random): string {
  return random.pick([
    '%25zz',
    '%zz',
    '%ED%A0%80', // a lone surrogate, as WTF-8
    '%C0%AF', // overlong "/"
    '%00',
    '%0A',
    '..',
    '.',
    '%2e%2e',
    '%2F',
    encodeURIComponent('\u202eevil'),
    'x'.repeat(5000),
    '%40',
    '@',
    '+',
    '-1',
    '99999999999999999999999999',
    '__proto__',
    'constructor',
    encodeURIComponent('"; DROP TABLE chats; --'),
  ]);
}
