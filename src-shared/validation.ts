import type { z } from 'zod';
import { AppError } from './errors.js';

export interface FieldError {
  /** Dotted path, e.g. `operators.0.hours.MO.0.availableFrom`; empty for the input as a whole. */
  field: string;
  message: string;
}

/**
 * The first problem of a failed parse, naming the field. An unknown key is named itself
 * (`colour: is not a known field`), not its parent object, so a typo is easy to spot.
 */
export function firstFieldError(error: z.ZodError): FieldError {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'is invalid' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return { field: [...path, issue.keys[0] ?? ''].join('.'), message: 'is not a known field' };
  }
  return { field: path.join('.'), message: issue.message };
}

/** A VALIDATION_FAILED error whose message starts with the field: `color: must be #rrggbb`. */
export function validationError(error: z.ZodError): AppError {
  const { field, message } = firstFieldError(error);
  return field
    ? new AppError('VALIDATION_FAILED', `${field}: ${message}`, field)
    : new AppError('VALIDATION_FAILED', message);
}

/**
 * Parses `input` with `schema` or throws the VALIDATION_FAILED error naming the first bad field
 * (after `assertWellFormedInput`: every REST and RPC input passes here).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertWellFormedInput(input);
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** How deep objects and arrays may nest in any input; real inputs stay under ~8. */
const MAX_INPUT_DEPTH = 64;

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Refuses input no handler should see, whatever its schema: nesting deeper than
 * `MAX_INPUT_DEPTH` (recursive code further on — zod, JSON.stringify — would overflow the stack)
 * and strings or keys with a lone UTF-16 surrogate (SQLite stores them as U+FFFD, so two
 * different inputs would become the same stored text). Walks with its own stack, never recursion.
 */
function assertWellFormedInput(input: unknown): void {
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) throw illFormed(path);
      continue;
    }
    if (!isPlainContainer(value)) continue; // numbers, null, and bytes (uploads) have no text to check
    if (path.length >= MAX_INPUT_DEPTH) {
      const field = path[0] ?? '';
      const message = `is nested deeper than ${MAX_INPUT_DEPTH} levels`;
      throw field
        ? new AppError('VALIDATION_FAILED', `${field}: ${message}`, field)
        : new AppError('VALIDATION_FAILED', `the input ${message}`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) throw illFormed([...path, key]);
      pending.push({ value: child, path: [...path, key] });
    }
  }
}

function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

function illFormed(path: string[]): AppError {
  const field = path.join('.');
  const message = 'contains ill-formed Unicode (a lone surrogate)';
  return field
    ? new AppError('VALIDATION_FAILED', `${field}: ${message}`, field)
    : new AppError('VALIDATION_FAILED', `the input ${message}`);
}
