import type { Context } from 'koa';
import { z } from 'zod';
import { idempotencyKeySchema } from '../../src-shared/idempotency-key.js';
import { parseInput } from '../../src-shared/validation.js';

const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Parsed as an object so a bad key is reported with the header as its field. */
const headerSchema = z.object({ [IDEMPOTENCY_HEADER]: idempotencyKeySchema });

/**
 * The `Idempotency-Key` of a request, or undefined when it has none (an empty header counts as
 * none). A key over 200 characters is refused with VALIDATION_FAILED naming the header.
 */
export function idempotencyKeyOf(ctx: Context): string | undefined {
  const raw = ctx.get(IDEMPOTENCY_HEADER).trim();
  if (!raw) return undefined;
  return parseInput(headerSchema, { [IDEMPOTENCY_HEADER]: raw })[IDEMPOTENCY_HEADER];
}

/** The header as an OpenAPI parameter, for the routes that honour it. */
export function idempotencyHeaderParameter(): Record<string, unknown> {
  const { description, ...schema } = z.toJSONSchema(idempotencyKeySchema) as Record<string, unknown>;
  delete schema.$schema;
  return { name: IDEMPOTENCY_HEADER, in: 'header', required: false, description, schema };
}
