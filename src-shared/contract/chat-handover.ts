import { z } from 'zod';

/**
 * Where a deleted team's or person's open and pending chats go (issue #16): to a person, to a
 * team, or back to nobody. Deleting a team or a person who still has such chats is refused
 * (409, field `moveChatsTo`, with `openChats`: how many) unless the request says where.
 */
export const moveChatsToSchema = z
  .union([
    z.literal('unassigned'),
    z.strictObject({ user: z.string().min(1, 'is required').describe('A person id') }),
    z.strictObject({ team: z.string().min(1, 'is required').describe('A team id') }),
  ])
  .describe(
    'Where the open and pending chats assigned to it go: `{"user": id}`, `{"team": id}` or `"unassigned"`',
  )
  .meta({ id: 'MoveChatsTo', example: { team: 'team_support' } });
export type MoveChatsTo = z.infer<typeof moveChatsToSchema>;

export const moveChatsField = { moveChatsTo: moveChatsToSchema.optional() };

export const openChatsSchema = z
  .object({ count: z.number().int().describe('Open and pending chats assigned to it') })
  .meta({ id: 'OpenChats', example: { count: 3 } });
export type OpenChats = z.infer<typeof openChatsSchema>;
