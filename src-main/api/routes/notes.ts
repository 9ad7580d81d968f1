import { z } from 'zod';
import { chatNoteListSchema, chatNoteSchema, noteTextSchema } from '../../../src-shared/contract/organize.js';
import { organizeHandlers } from '../../rpc/organize-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';
import { chatParams } from './common.js';

const noteParams = chatParams.extend({ noteId: z.string().min(1).describe('Note id (`note_…`)') });
const noteBody = z
  .object({ text: noteTextSchema })
  .strict()
  .meta({ example: { text: 'Allergic to sesame: no tahini on her orders.' } });

const PRIVATE = 'Notes are for staff only: they are never sent to WhatsApp and no event carries them.';

type ChatRequest = { params: z.output<typeof noteParams>; body?: { text: string } };
const chatOf = ({ params }: ChatRequest) => ({ session: params.id, chat: params.chat });
const noteOf = ({ params, body }: ChatRequest) => ({ ...chatOf({ params }), id: params.noteId, ...body });

/** Private notes on a chat: adapters onto the `notes.*` operations (access and handler live there). */
export function noteRoutes(services: Services) {
  const tag = 'notes';
  const route = operationRoutes(organizeHandlers(services));

  return [
    route('notes.list', {
      method: 'get',
      path: '/sessions/:id/chats/:chat/notes',
      tag,
      summary: 'Private notes on a chat, oldest first',
      description: PRIVATE,
      params: chatParams,
      input: chatOf,
      response: { status: 200, description: 'The notes', schema: chatNoteListSchema },
    }),
    route('notes.create', {
      method: 'post',
      path: '/sessions/:id/chats/:chat/notes',
      tag,
      summary: 'Add a private note to a chat',
      description: `${PRIVATE} The author is the caller (\`admin\`, \`key:<name>\`, \`session:<id>\`, \`desktop\`).`,
      params: chatParams,
      body: noteBody,
      input: ({ params, body }: ChatRequest) => ({ ...chatOf({ params }), ...body }),
      response: { status: 201, description: 'The note', schema: chatNoteSchema },
    }),
    route('notes.update', {
      method: 'patch',
      path: '/sessions/:id/chats/:chat/notes/:noteId',
      tag,
      summary: 'Change the text of a note',
      params: noteParams,
      body: noteBody,
      input: noteOf,
      response: { status: 200, description: 'The note', schema: chatNoteSchema },
    }),
    route('notes.delete', {
      method: 'delete',
      path: '/sessions/:id/chats/:chat/notes/:noteId',
      tag,
      summary: 'Delete a note',
      params: noteParams,
      input: noteOf,
      response: { status: 204, description: 'Deleted' },
    }),
  ];
}
