import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract } from '../../src-shared/contract.js';
import type { LinkedWorld } from '../support/linked-session.js';
import { fuzzCases, type FuzzFixture } from './fuzz-cases.js';
import { healthProblems, liveMemory, startFuzzWorld } from './fuzz-world.js';
import { operationsOf } from './openapi-operations.js';
import { sendRaw } from './http-send.js';
import { createRandom } from '../support/random.js';
import { rpcOperations } from './rpc-operations.js';
import { oversizedBodyProblems, runCases, type FuzzProblem } from './run-cases.js';

/**
 * Fuzzes every operation of the OpenAPI document, and every `/rpc` operation of the UI's contract,
 * against a real core with a linked session.
 * `npm test` runs a fresh seeded sample each time; `npm run fuzz -- --seed N --count M` repeats
 * a run or makes a bigger one (FUZZ_SEED / FUZZ_COUNT).
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const count = process.env.FUZZ_COUNT ? Number(process.env.FUZZ_COUNT) : 300;
/** Live memory may grow this much over the run (caches, prepared statements, logs). */
const MEMORY_MARGIN = 150 * 1024 * 1024;

let world: LinkedWorld;
let fixture: FuzzFixture;

beforeAll(async () => {
  ({ world, fixture } = await startFuzzWorld());
}, 120_000);

afterAll(async () => {
  await world?.close();
});

function report(problems: FuzzProblem[]): string {
  const lines = problems
    .slice(0, 40)
    .map((problem) => `- ${problem.rule}: ${problem.request}\n    → ${problem.answer}`);
  const more = problems.length > 40 ? `\n… and ${problems.length - 40} more` : '';
  return `${problems.length} problem(s) with seed ${seed}; repeat with: npm run fuzz -- --seed ${seed} --count ${count}\n${lines.join('\n')}${more}`;
}

it(`keeps every rule for every operation (seed ${seed}, ${count} random requests)`, async () => {
  const openapi = await sendRaw(
    world.app.url,
    { method: 'GET', path: '/api/v1/openapi.json', headers: {} },
    { maxBody: Infinity },
  );
  const document = JSON.parse(openapi.body) as Parameters<typeof operationsOf>[0];
  const rest = operationsOf(document);
  expect(rest.length).toBeGreaterThan(100);
  const operations = [...rest, ...rpcOperations(Object.keys(contract))];
  const cases = fuzzCases(createRandom(seed), fixture, operations, count);
  const before = liveMemory();

  const problems = [
    ...(await runCases(world, fixture, cases)),
    ...(await oversizedBodyProblems(world, fixture)),
    ...(await healthProblems(world)).map((rule) => ({ rule, request: 'after the run', answer: '' })),
  ];
  const grown = liveMemory() - before;
  if (grown > MEMORY_MARGIN) {
    problems.push({
      rule: `live memory grew ${Math.round(grown / 1024 / 1024)} MB`,
      request: 'the whole run',
      answer: '',
    });
  }
  // `npm run fuzz` keeps every problem of a big run in a file (the message shows the first 40).
  if (process.env.FUZZ_REPORT_FILE)
    writeFileSync(process.env.FUZZ_REPORT_FILE, JSON.stringify(problems, null, 1));
  expect(problems, report(problems)).toEqual([]);
}, 600_000);
