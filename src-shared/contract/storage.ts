/** Settings → Storage: what takes space (database, media per number and type, biggest chats). */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { op } from './operation.js';

const usage = { bytes: z.number().int(), files: z.number().int() };

export const storageReportSchema = z
  .object({
    database: z.object({
      bytes: z.number().int().describe('The database file'),
      walBytes: z.number().int().describe('Its write-ahead log (folded back into the file continuously)'),
      freeBytes: z.number().int().describe('Unused pages inside the file (reused before it grows)'),
    }),
    media: z.object({
      ...usage,
      byType: z.array(z.object({ type: z.string().describe('image, video, audio, document…'), ...usage })),
      bySession: z
        .array(z.object({ session: z.string(), ...usage }))
        .describe('A file received on two numbers counts for both'),
    }),
    biggestChats: z.array(
      z.object({
        session: z.string(),
        chat: z.string(),
        name: z.string().nullable(),
        messages: z.number().int(),
        mediaBytes: z.number().int(),
      }),
    ),
  })
  .meta({
    id: 'StorageReport',
    example: {
      database: { bytes: 104_857_600, walBytes: 4_194_304, freeBytes: 1_048_576 },
      media: {
        bytes: 734_003_200,
        files: 1204,
        byType: [{ type: 'image', bytes: 524_288_000, files: 1100 }],
        bySession: [{ session: 'shop', bytes: 734_003_200, files: 1204 }],
      },
      biggestChats: [
        {
          session: 'shop',
          chat: '972501234567@s.whatsapp.net',
          name: 'Dana',
          messages: 18_204,
          mediaBytes: 52_428_800,
        },
      ],
    },
  });
export type StorageReport = z.infer<typeof storageReportSchema>;

export const storageOperations = {
  'storage.report': op<StorageReport>()(z.strictObject({}), ADMIN_ONLY),
};
