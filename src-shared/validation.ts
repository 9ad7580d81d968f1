import type { z } from 'zod';
import { AppError } from './errors.js';

/** Dotted path of a zod issue: `operators.0.name`; empty path means the whole input. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Turns the first zod issue into a VALIDATION_FAILED error that names the field,
 * e.g. `color: must be #rrggbb`.
 */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError('VALIDATION_FAILED', 'invalid input');
  const field = issuePath(issue.path);
  return field
    ? new AppError('VALIDATION_FAILED', `${field}: ${issue.message}`, field)
    : new AppError('VALIDATION_FAILED', issue.message);
}

/** Parses `input` with `schema` or throws the VALIDATION_FAILED error naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
