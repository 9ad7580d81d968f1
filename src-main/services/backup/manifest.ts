import { z } from 'zod';
import { backupContentsShape } from '../../../src-shared/contract/backups.js';

/** What a backup holds, written as its last entry and shown by verify before anything is restored. */
export const backupManifestSchema = z.object({ format: z.literal(1), ...backupContentsShape });

export type BackupManifest = z.infer<typeof backupManifestSchema>;
