import type { z } from 'zod';

/**
 * One RPC operation: a zod schema for its input and (type-only) its output.
 * `output` is never set at run time; it carries the type to the handlers and the client.
 */
export interface Operation<S extends z.ZodType, O> {
  readonly input: S;
  readonly output?: O;
}

/** `op<Output>()(inputSchema)`: the output type is given explicitly, the input is inferred. */
export function op<O>() {
  return <S extends z.ZodType>(input: S): Operation<S, O> => ({ input });
}
