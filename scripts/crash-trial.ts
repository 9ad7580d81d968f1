/**
 * `npm run trial -- --kills 100 [--seed 7]`: the crash trial by hand (see
 * testkit/support/crash-trial.ts and docs/RELIABILITY.md). Prints one line per kill and
 * the result as JSON; exits 1 when anything was lost, duplicated or left waiting.
 */
import { parseArgs } from 'node:util';
import { runCrashTrial } from '../testkit/support/crash-trial.js';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' } },
});
const kills = Number(values.kills);
const seed = Number(values.seed);
if (!Number.isInteger(kills) || kills < 0) throw new Error('--kills must be a whole number');
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');

const result = await runCrashTrial({ kills, seed, log: (line) => console.log(line) });
const summary = {
  ...result,
  customer: {
    ...result.customer,
    lost: result.customer.lost.length,
    duplicated: result.customer.duplicated.length,
    notAnnounced: result.customer.notAnnounced.length,
  },
  api: { ...result.api, lost: result.api.lost.length, duplicated: result.api.duplicated.length },
  schedules: {
    ...result.schedules,
    lost: result.schedules.lost.length,
    duplicated: result.schedules.duplicated.length,
  },
};
console.log(JSON.stringify(summary, null, 2));
const failed =
  result.customer.lost.length +
  result.customer.duplicated.length +
  result.customer.notAnnounced.length +
  result.api.lost.length +
  result.api.duplicated.length +
  result.schedules.lost.length +
  result.schedules.duplicated.length +
  result.waiting +
  result.badSignatures;
if (failed > 0) {
  console.log('lost customer messages:', result.customer.lost.slice(0, 50).join(', '));
  console.log('API sends lost / doubled:', result.api.lost.join(', '), '/', result.api.duplicated.join(', '));
  console.log(
    'schedules lost / doubled:',
    result.schedules.lost.join(', '),
    '/',
    result.schedules.duplicated.join(', '),
  );
  process.exitCode = 1;
}
