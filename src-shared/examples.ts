import { z } from 'zod';

/**
 * The example a schema declares with `.meta({ example })`, so list and wrapper examples reuse
 * their items' examples instead of repeating them. Typed as the schema's output: server.test.ts
 * parses every example in the OpenAPI document with its schema. Throws when there is none (a
 * schema must declare its example before another builds on it).
 */
export function exampleOf<S extends z.ZodType>(schema: S): z.output<S> {
  const meta = z.globalRegistry.get(schema);
  if (meta?.example === undefined) throw new Error(`${meta?.id ?? 'a schema'} has no example`);
  return meta.example as z.output<S>;
}
