import { z } from 'zod';

/** What a backup holds, written as its last entry and shown by verify before anything is restored. */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  sessions: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() })),
  counts: z.object({
    messages: z.number().int(),
    chats: z.number().int(),
    mediaFiles: z.number().int(),
    /** Media the database listed whose file was gone by the time it was copied. */
    missingMedia: z.number().int(),
  }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
