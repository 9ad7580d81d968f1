import { z } from 'zod';
import { chatNoteListSchema, chatNoteSchema, noteTextSchema } from '../../../src-shared/contract/organize.js';
import { toJid } from '../../../src-shared/jid.js';
import type { Services } from '../../services/index.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';
import { chatParams } from './common.js';

const noteParams = chatParams.extend({ noteId: z.string().min(1).describe('Note id (`note_…`)') });
const noteBody = z
  .object({ text: noteTextSchema })
  .strict()
  .meta({ example: { text: 'Allergic to sesame: no tahini on her orders.' } });

const PRIVATE = 'Notes are for staff only: they are never sent to WhatsApp and no event carries them.';

export function noteRoutes({ organize, sessions }: Services) {
  const tag = 'notes';
  const { notes, actors } = organize;
  const chatJid = (chat: string) => toJid(chat, 'chat');
  const exists = sessionExists(sessions);

  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat/notes',
      tag,
      summary: 'Private notes on a chat, oldest first',
      description: PRIVATE,
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params: chatParams,
      response: { status: 200, description: 'The notes', schema: chatNoteListSchema },
      handler: ({ params }) => {
        exists(params.id);
        return { items: notes.list(params.id, chatJid(params.chat)) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/:id/chats/:chat/notes',
      tag,
      summary: 'Add a private note to a chat',
      description: `${PRIVATE} The author is the caller (\`admin\`, \`key:<name>\`, \`session:<id>\`, \`desktop\`).`,
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: chatParams,
      body: noteBody,
      response: { status: 201, description: 'The note', schema: chatNoteSchema },
      handler: ({ params, body, principal }) => {
        exists(params.id);
        return notes.create(params.id, chatJid(params.chat), body.text, actors.of(principal));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/sessions/:id/chats/:chat/notes/:noteId',
      tag,
      summary: 'Change the text of a note',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: noteParams,
      body: noteBody,
      response: { status: 200, description: 'The note', schema: chatNoteSchema },
      handler: ({ params, body }) => {
        exists(params.id);
        return notes.update(params.id, chatJid(params.chat), params.noteId, body.text);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/:id/chats/:chat/notes/:noteId',
      tag,
      summary: 'Delete a note',
      access: { scope: 'messages:send', session: ({ params }) => params.id },
      params: noteParams,
      response: { status: 204, description: 'Deleted' },
      handler: ({ params }) => {
        exists(params.id);
        notes.delete(params.id, chatJid(params.chat), params.noteId);
      },
    }),
  ];
}
