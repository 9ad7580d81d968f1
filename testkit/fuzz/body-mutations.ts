import { hugeString, NASTY_STRINGS } from './nasty-strings.js';
import type { Random } from '../support/random.js';

/** A request body and its content type. */
export interface FuzzBody {
  contentType: string | null;
  body: string | Buffer;
  /** What was done to it, for the failure report. */
  note: string;
}

type Json = unknown;

const json = (value: Json, note: string): FuzzBody => ({
  contentType: 'application/json',
  body: JSON.stringify(value),
  note,
});

/** Every path to a value inside `value` (objects and arrays included), `[]` for the whole. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

/** A copy of `value` with the value at `path` replaced (or removed when `replacement` is REMOVE). */
const REMOVE = Symbol('remove');
function replaced(value: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

function otherType(random: Random, current: Json): Json {
  const candidates: Json[] = [42, -1, 1.5, 1e308, '42', true, null, [], {}, [1, 'a'], { nested: true }];
  return random.pick(candidates.filter((candidate) => typeof candidate !== typeof current));
}

/** JSON text nested `depth` levels (written by hand: JSON.stringify overflows on deep values). */
export function deeplyNested(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

const BOUNDARY = 'fuzzBoundary7MA4YWxkTrZu0gW';

const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A form with a text field and a file whose closing boundary never comes. */
export function truncatedMultipart(): FuzzBody {
  const body =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="type"\r\n\r\nimage\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
    'Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00';
  return { contentType: MULTIPART_TYPE, body, note: 'multipart cut off inside the file' };
}

/** A complete form with nasty field values. */
function nastyMultipart(random: Random): FuzzBody {
  const value = random.pick(NASTY_STRINGS);
  const body =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${random.pick(['to', 'type', 'text', '__proto__'])}"\r\n\r\n${value}\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${value}"\r\nContent-Type: ${random.pick(['image/png', 'text/html', ''])}\r\n\r\nabc\r\n` +
    `--${BOUNDARY}--\r\n`;
  return { contentType: MULTIPART_TYPE, body, note: `multipart with ${JSON.stringify(value)}` };
}

/** One wrong body for an operation whose valid body is `example`. */
export function mutatedBody(random: Random, example: Json, takesMultipart: boolean): FuzzBody {
  const paths = pathsOf(example);
  const path = random.pick(paths);
  const at = path.join('.') || '(body)';
  const kinds = [
    () => json(replaced(example, path, REMOVE) ?? {}, `without ${at}`),
    () =>
      json(
        typeof example === 'object' && example !== null ? { ...example, fuzzUnknown: 1 } : {},
        'unknown field',
      ),
    () =>
      json(
        replaced(
          example,
          path,
          otherType(
            random,
            path.reduce<Json>((v, k) => (v as Record<string, Json>)?.[k], example),
          ),
        ),
        `wrong type at ${at}`,
      ),
    () => {
      const value = random.pick(NASTY_STRINGS);
      return json(replaced(example, path, value), `${JSON.stringify(value)} at ${at}`);
    },
    () => json(replaced(example, path, hugeString()), `1 MB string at ${at}`),
    () =>
      json(
        replaced(
          example,
          path,
          Array.from({ length: 10_000 }, (_, i) => i),
        ),
        `10,000 items at ${at}`,
      ),
    () => {
      const text = JSON.stringify(replaced(example, path, '__DEEP__')).replace(
        '"__DEEP__"',
        deeplyNested(random.pick([65, 1000, 20_000])),
      );
      return { contentType: 'application/json', body: text, note: `deep nesting at ${at}` };
    },
    () => json(random.pick<Json>([[], 'text', null, 0, true, [example]]), 'not an object'),
    () => ({
      contentType: 'application/json',
      body: random.pick(['{"a":', '{', '\u0000', '{"a":1}}', 'nul', '\ud800']),
      note: 'not JSON',
    }),
    () => ({ contentType: 'application/json', body: '', note: 'empty body' }),
    () => ({
      contentType: random.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json; charset=utf-16',
        'APPLICATION/JSON',
      ]),
      body: JSON.stringify(example),
      note: 'wrong content type',
    }),
    () => ({ contentType: null, body: JSON.stringify(example), note: 'no content type' }),
    () => truncatedMultipart(),
    () => nastyMultipart(random),
  ];
  const kind = random.int(kinds.length);
  // Multipart mutations go mostly to routes that take uploads.
  if (kind >= kinds.length - 2 && !takesMultipart && random.chance(0.5)) return kinds[0]!();
  return kinds[kind]!();
}
