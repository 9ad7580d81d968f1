import type { LinkedWorld } from '../support/linked-session.js';
import { DESTRUCTIVE, operationName, type FuzzCase, type FuzzFixture } from './fuzz-cases.js';
import { sendRaw, type RawAnswer } from './http-send.js';
import { ensureScratchSession } from './fuzz-world.js';

/** A broken rule, with what is needed to send the request again by hand. */
export interface FuzzProblem {
  rule: string;
  request: string;
  answer: string;
}

function describe(fuzzCase: FuzzCase): string {
  const body = typeof fuzzCase.body === 'string' ? fuzzCase.body : (fuzzCase.body?.toString('latin1') ?? '');
  const shortBody = body.length > 160 ? `${body.slice(0, 160)}… (${body.length} chars)` : body;
  return `${fuzzCase.method} ${fuzzCase.path.slice(0, 200)} [${fuzzCase.note}; ${operationName(fuzzCase.operation)}]${shortBody ? ` ${JSON.stringify(shortBody)}` : ''}`;
}

/** The rules every answer must keep; null when it does. */
export function brokenRule(fuzzCase: FuzzCase, answer: RawAnswer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  const keyed = !fuzzCase.operation.isPublic;
  if (keyed && fuzzCase.keyKind !== 'valid' && answer.status >= 200 && answer.status < 300) {
    return `answered ${answer.status} without a valid key (${fuzzCase.keyKind})`;
  }
  return null;
}

/** Sends the cases one after another and collects every broken rule. */
export async function runCases(
  world: LinkedWorld,
  fixture: FuzzFixture,
  cases: FuzzCase[],
): Promise<FuzzProblem[]> {
  const problems: FuzzProblem[] = [];
  for (const fuzzCase of cases) {
    let answer: RawAnswer;
    try {
      answer = await sendRaw(world.app.url, fuzzCase);
    } catch (error) {
      problems.push({
        rule: `no answer (${error instanceof Error ? error.message : String(error)})`,
        request: describe(fuzzCase),
        answer: '',
      });
      continue;
    }
    const rule = brokenRule(fuzzCase, answer);
    if (rule) problems.push({ rule, request: describe(fuzzCase), answer: answer.body.slice(0, 300) });
    if (DESTRUCTIVE.has(operationName(fuzzCase.operation))) {
      const scratch = await ensureScratchSession(world, fixture);
      if (scratch) problems.push({ rule: scratch, request: `after ${describe(fuzzCase)}`, answer: '' });
    }
  }
  return problems;
}

/**
 * Bodies over the JSON limit (140 MB): streamed, never held by the fuzzer. Without a key it must
 * be refused without reading; with one, refused as too large. Either way no 5xx.
 */
export async function oversizedBodyProblems(
  world: LinkedWorld,
  fixture: FuzzFixture,
): Promise<FuzzProblem[]> {
  const problems: FuzzProblem[] = [];
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  const megabytes = 141;
  for (const key of [null, fixture.adminKey]) {
    const request = {
      method: 'POST',
      path: `/api/v1/sessions/${fixture.session}/messages`,
      headers: {
        'content-type': 'application/json',
        'content-length': String(megabytes * chunk.length + 2),
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: async function* () {
        yield Buffer.from('"');
        for (let index = 0; index < megabytes; index += 1) yield chunk;
        yield Buffer.from('"');
      },
    };
    const described = `POST ${request.path} with a ${megabytes} MB JSON body, ${key ? 'valid key' : 'no key'}`;
    try {
      const answer = await sendRaw(world.app.url, request, { timeoutMs: 60_000 });
      if (answer.status >= 500 || (answer.status >= 200 && answer.status < 300)) {
        problems.push({
          rule: `answered ${answer.status}`,
          request: described,
          answer: answer.body.slice(0, 300),
        });
      }
    } catch (error) {
      // The server may answer and close before the upload ends; that is a refusal, not a failure.
      const code = (error as { code?: string }).code;
      if (code !== 'EPIPE' && code !== 'ECONNRESET') {
        problems.push({ rule: `no answer (${String(error)})`, request: described, answer: '' });
      }
    }
  }
  return problems;
}
