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

/** Parses `input` with `schema` or throws the VALIDATION_FAILED error naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
