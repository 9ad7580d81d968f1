import { z } from 'zod';

/**
 * The client's own id for one request (the `Idempotency-Key` header of the REST API): a retry
 * with the same key gets the first answer and nothing is done twice. An order number or a UUID.
 */
export const idempotencyKeySchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .describe('Your id for this request: a retry with the same key gets the first answer, for 24 hours');
