/** Importing contacts from a CSV file (name, phone, tags, notes) with a column mapping preview. */
import { z } from 'zod';
import { ADMIN_ONLY, sessionField } from '../access.js';
import { op } from './operation.js';
import { csvPreviewInput, type CsvPreview } from './schedule.js';
import { sessionIdSchema } from './sessions.js';

const column = z.string().min(1).max(200);

export const contactsImportInput = z
  .strictObject({
    session: sessionIdSchema.describe('The number whose contacts these are'),
    csv: z.string().max(5_000_000).describe('CSV text with a header row (`,`, `;` or tab separated)'),
    phoneColumn: column,
    nameColumn: column.optional(),
    tagsColumn: column.optional().describe('Tag names separated by `;` or `,`; missing tags are created'),
    notesColumn: column.optional().describe('Added as a note on the contact’s chat'),
    dryRun: z.boolean().optional().describe('Check every row and answer what would happen, changing nothing'),
  })
  .meta({
    example: {
      session: 'shop',
      csv: 'Phone,Name,Tags\n+972501234567,Dana,vip; wholesale\n+972507654321,Avi,',
      phoneColumn: 'Phone',
      nameColumn: 'Name',
      tagsColumn: 'Tags',
    },
  });
export type ContactsImportInput = z.infer<typeof contactsImportInput>;

export const contactsImportResultSchema = z
  .object({
    total: z.number().int().describe('Data rows in the file'),
    created: z.number().int().describe('Contacts that were not known yet'),
    updated: z.number().int().describe('Known contacts whose name, tags or notes were set'),
    tagged: z.number().int().describe('Tags put on chats'),
    notes: z.number().int(),
    invalid: z
      .array(
        z.object({
          line: z.number().int().describe('Line in the file (the header is line 1)'),
          input: z.string(),
          error: z.string(),
        }),
      )
      .describe('Rows that were skipped, and why'),
    dryRun: z.boolean(),
  })
  .meta({
    id: 'ContactsImportResult',
    example: {
      total: 2,
      created: 1,
      updated: 1,
      tagged: 2,
      notes: 0,
      invalid: [{ line: 4, input: '12', error: 'not a phone number in international format' }],
      dryRun: false,
    },
  });
export type ContactsImportResult = z.infer<typeof contactsImportResultSchema>;

export const contactsImportOperations = {
  'contactImport.preview': op<CsvPreview>()(csvPreviewInput, ADMIN_ONLY),
  'contactImport.run': op<ContactsImportResult>()(contactsImportInput, {
    scope: 'admin',
    session: sessionField,
  }),
};
