import { z } from 'zod';

/**
 * The fields of an operation that cannot be undone (`Access.confirm`): an explicit `confirm: true`
 * so that no script deletes a number by a stray call, and, for a person signed in by browser or on
 * the desktop, their password again (a browser left open is not enough to destroy data).
 */
export const confirmationFields = {
  confirm: z
    .literal(true, { error: 'must be true: this cannot be undone' })
    .describe('Must be `true`: says that the caller means it (this cannot be undone)'),
  password: z
    .string()
    .min(1, 'must not be empty')
    .max(1024)
    .optional()
    .describe('The signed-in person’s own password, asked again (not needed with an API key)'),
};

export const confirmationInput = z.strictObject(confirmationFields).meta({
  id: 'Confirmation',
  example: { confirm: true },
});

export type Confirmation = z.infer<typeof confirmationInput>;
