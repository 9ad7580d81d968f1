// npm run fuzz -- [--seed N] [--count M] [--report file.json]
// Runs the OpenAPI fuzz test (testkit/fuzz/) once with the given seed and number of random
// requests (default: a new seed, 3000 requests). `npm test` runs the same test with 300.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    count: { type: 'string', default: '3000' },
    report: { type: 'string' },
  },
});
for (const [name, value] of [
  ['seed', values.seed],
  ['count', values.count],
]) {
  if (value !== undefined && !/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
}
const env = {
  ...process.env,
  FUZZ_COUNT: values.count,
  ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
  ...(values.report ? { FUZZ_REPORT_FILE: values.report } : {}),
};
const result = spawnSync('npx', ['vitest', 'run', 'testkit/fuzz/fuzz.test.ts'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
