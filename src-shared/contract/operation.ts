import type { z } from 'zod';
import type { Access } from '../access.js';

/**
 * One RPC operation: a zod schema for its input, who may call it, and (type-only) its output.
 * `output` is never set at run time; it carries the type to the handlers and the client.
 */
export interface Operation<S extends z.ZodType, O> {
  readonly input: S;
  readonly access: Access<z.output<S>>;
  readonly output?: O;
}

/**
 * `op<Output>()(inputSchema, access)`: the output type is given explicitly, the input is
 * inferred, and who may call it is declared beside it (`src-shared/access.ts`).
 */
export function op<O>() {
  return <S extends z.ZodType>(input: S, access: Access<z.output<S>>): Operation<S, O> => ({ input, access });
}
