import { z } from 'zod';
import { csvPreviewInput, csvPreviewSchema, timeZoneSchema } from '../../../src-shared/contract/schedule.js';
import {
  contactsImportInput,
  contactsImportResultSchema,
} from '../../../src-shared/contract/contacts-import.js';
import { sessionIdSchema } from '../../../src-shared/contract/sessions.js';
import { toJid } from '../../../src-shared/jid.js';
import { CONVERSATION_EXPORT_FORMATS as EXPORT_FORMATS } from '../../../src-shared/contract/exports.js';
import { contactPhoneSchema, forgetContactResultSchema } from '../../../src-shared/contract/contact-data.js';
import type { Services } from '../../services/index.js';
import { backupHandlers } from '../../rpc/backup-handlers.js';
import { operationRoutes } from '../operation-route.js';
import { defineRoute } from '../route.js';
import { sessionExists } from './session-guard.js';

const params = z.object({ id: sessionIdSchema, chat: z.string().min(1) });

/** ISO-8601 or unix seconds/ms, to unix ms. */
const instant = z.string().transform((value, ctx) => {
  if (/^\d+$/.test(value)) return value.length <= 10 ? Number(value) * 1000 : Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be ISO-8601 or unix seconds' });
    return z.NEVER;
  }
  return ms;
});

const timeZone = timeZoneSchema.default('UTC');

const exportQuery = z.strictObject({
  format: z
    .enum(EXPORT_FORMATS)
    .default('whatsapp')
    .describe("`whatsapp`: WhatsApp's own export (.txt + media in a .zip); `html`: a printable page; `json`"),
  from: instant.optional().describe('Only messages at or after this time (ISO-8601 or unix seconds)'),
  to: instant.optional().describe('Only messages at or before this time'),
  timeZone: timeZone.describe('The time zone of the dates in the .txt and HTML (default UTC)'),
});

/**
 * Data leaving and entering the app. Importing and forgetting are adapters onto
 * `contactImport.*` and `contactData.forget`; the three files (a conversation, the contacts CSV,
 * one person's data) stay written here: their answers are the files' bytes as attachments.
 */
export function exportRoutes(services: Services) {
  const { conversationExport, contactsCsv, contactData, sessions } = services;
  const exists = sessionExists(sessions);
  const route = operationRoutes(backupHandlers(services));
  return [
    defineRoute({
      method: 'get',
      path: '/sessions/:id/chats/:chat/export',
      tag: 'chats',
      summary: 'Export a conversation',
      description:
        "As WhatsApp's own chat export (`dd/mm/yyyy, HH:MM - Name: text` lines, media attached in the .zip), " +
        "as printable HTML (print it to PDF) or as JSON (the API's Message objects), for a date range.",
      access: { scope: 'messages:read', session: ({ params }) => params.id },
      params,
      query: exportQuery,
      response: {
        status: 200,
        description: 'The file, as an attachment',
        contentType: 'application/octet-stream',
      },
      handler: ({ params, query, ctx }) => {
        exists(params.id);
        const file = conversationExport.run({
          session: params.id,
          chat: toJid(params.chat, 'chat'), // the router has decoded it already
          format: query.format,
          from: query.from,
          to: query.to,
          timeZone: query.timeZone,
        });
        ctx.type = file.contentType;
        ctx.attachment(file.fileName);
        ctx.body = file.bytes;
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/contacts/export',
      tag: 'contacts',
      summary: 'Export contacts as CSV',
      description:
        'One row per number and contact: `session, name, phone, jid, tags, notes` (the tags and notes of ' +
        "the contact's chat). UTF-8 with a BOM, CRLF lines (RFC 4180); cells that a spreadsheet would run " +
        'as a formula start with an apostrophe. Needs the admin key or the `admin` scope.',
      access: { scope: 'admin' },
      query: z.strictObject({ session: sessionIdSchema.optional().describe('Only this number') }),
      response: { status: 200, description: 'The CSV file', contentType: 'text/csv' },
      handler: ({ query, ctx }) => {
        if (query.session) exists(query.session);
        ctx.type = 'text/csv; charset=utf-8';
        ctx.attachment(`contacts${query.session ? `-${query.session}` : ''}.csv`);
        ctx.body = contactsCsv.export(query.session);
        return undefined;
      },
    }),
    route('contactImport.preview', {
      method: 'post',
      path: '/contacts/import/preview',
      tag: 'contacts',
      summary: 'Read a contacts CSV: its columns, first rows and the guessed phone and name columns',
      description: 'The same reader as the campaign CSV import. Needs the admin key or the `admin` scope.',
      largeBody: true,
      body: csvPreviewInput,
      response: { status: 200, description: 'The column mapping preview', schema: csvPreviewSchema },
    }),
    route('contactImport.run', {
      method: 'post',
      path: '/contacts/import',
      tag: 'contacts',
      summary: 'Import contacts from CSV (phone, name, tags, notes) into one number',
      description:
        'Each valid row becomes (or updates) the contact of that phone, so the inbox shows its name. A row ' +
        'with tags or a note gets its chat (empty until someone writes), the tags (created when missing) and ' +
        'the note, so it can be a campaign recipient by tag. Rows that are not phone numbers are skipped and ' +
        'listed with their line; a phone listed twice takes its last row. `dryRun` answers the same counts ' +
        'without writing. Needs the admin key or the `admin` scope.',
      largeBody: true,
      body: contactsImportInput,
      response: { status: 200, description: 'What was imported', schema: contactsImportResultSchema },
    }),
    defineRoute({
      method: 'get',
      path: '/contacts/:phone/data',
      tag: 'contacts',
      summary: 'Everything stored about one person, on every number (a data-subject access request)',
      description:
        'A `.zip` with `contact.json` (contact rows, each 1:1 chat with its messages, tags and notes, what ' +
        'they wrote in groups, opt-outs, calls) and the media files of those messages under `media/`. ' +
        'Needs the admin key or the `admin` scope.',
      access: { scope: 'admin' },
      params: z.object({ phone: contactPhoneSchema }),
      response: { status: 200, description: 'The zip file', contentType: 'application/zip' },
      handler: ({ params, ctx }) => {
        const file = contactData.run(params.phone);
        ctx.type = file.contentType;
        ctx.attachment(file.fileName);
        ctx.body = file.bytes;
        return undefined;
      },
    }),
    route('contactData.forget', {
      method: 'post',
      path: '/contacts/:phone/forget',
      tag: 'contacts',
      summary: 'Forget a person on every number (a data-subject erasure request)',
      description:
        'Deletes their 1:1 chats with every message, media file (unless another message uses it), reaction, ' +
        'tag and note; what they wrote in groups; the contact, picture, opt-out, calls, schedules and ' +
        'campaign recipients addressed to them. Cannot be undone; recorded in the audit log. Not reached: the ' +
        'event log and webhook outbox (kept 7 days), backups made before. Needs the admin key or the `admin` scope.',
      params: z.object({ phone: contactPhoneSchema }),
      response: { status: 200, description: 'What was deleted', schema: forgetContactResultSchema },
    }),
  ];
}
