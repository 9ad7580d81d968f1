/** Backups: where and how often the encrypted backup file is written, and what the last one did. */
import { z } from 'zod';
import { ADMIN_ONLY } from '../access.js';
import { confirmationFields } from './confirmation.js';
import { op } from './operation.js';

export const BACKUP_SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type BackupSchedule = (typeof BACKUP_SCHEDULES)[number];

export const MIN_BACKUP_PASSPHRASE = 8;

const keepSchema = z.object({
  daily: z.number().int().min(0).max(366).describe('Keep the newest backup of each of the last N days'),
  weekly: z.number().int().min(0).max(520).describe('… of each of the last N weeks'),
  monthly: z.number().int().min(0).max(240).describe('… of each of the last N months'),
});

const backupSettingsSchema = z
  .object({
    folder: z.string().nullable().describe('Where backup files go (an external disk, a synced folder)'),
    schedule: z.enum(BACKUP_SCHEDULES),
    keep: keepSchema,
    hasPassphrase: z.boolean().describe('Whether a passphrase is set (it is never shown)'),
  })
  .meta({
    id: 'BackupSettings',
    example: {
      folder: 'D:\\Chatdock backups',
      schedule: 'daily',
      keep: { daily: 7, weekly: 4, monthly: 6 },
      hasPassphrase: true,
    },
  });

const backupFileSchema = z.object({
  name: z.string(),
  size: z.number().int().describe('Bytes'),
  createdAt: z.string(),
});

const exampleFile = {
  name: 'chatdock-2026-12-05T03-00-00Z.chatdock-backup',
  size: 48_213_004,
  createdAt: '2026-12-05T03:00:00.000Z',
};

export const backupStatusSchema = z
  .object({
    settings: backupSettingsSchema,
    running: z
      .object({
        phase: z.enum(['database', 'files']),
        done: z.number().describe('Database pages, then bytes, done'),
        total: z.number(),
        startedAt: z.string(),
      })
      .nullable(),
    lastGood: backupFileSchema
      .extend({ messages: z.number().int(), mediaFiles: z.number().int() })
      .nullable()
      .describe('The newest backup this app wrote completely'),
    lastError: z
      .object({ at: z.string(), message: z.string() })
      .nullable()
      .describe('The last failed attempt, if after the last good one'),
    nextDueAt: z.string().nullable().describe('When the schedule makes the next backup'),
    overdue: z
      .boolean()
      .describe(
        'The last good backup is older than the schedule promises (or there is none, with a schedule set)',
      ),
    files: z.array(backupFileSchema).describe('Backup files in the folder, newest first'),
    restorePending: z.boolean().describe('A restored backup waits for the next start of Chatdock to be used'),
  })
  .meta({
    id: 'BackupStatus',
    example: {
      settings: {
        folder: 'D:\\Chatdock backups',
        schedule: 'daily',
        keep: { daily: 7, weekly: 4, monthly: 6 },
        hasPassphrase: true,
      },
      running: null,
      lastGood: { ...exampleFile, messages: 18_204, mediaFiles: 912 },
      lastError: null,
      nextDueAt: '2026-12-06T03:00:00.000Z',
      overdue: false,
      files: [exampleFile],
      restorePending: false,
    },
  });
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const configureBackupsInput = z
  .strictObject({
    folder: z
      .string()
      .trim()
      .min(1)
      .nullable()
      .optional()
      .describe('An existing folder; null turns backups off'),
    passphrase: z
      .string()
      .min(MIN_BACKUP_PASSPHRASE, `must be at least ${MIN_BACKUP_PASSPHRASE} characters`)
      .max(1024)
      .optional()
      .describe('Encrypts the backups. Without it nobody (not even Chatdock) can open them: keep it safe'),
    schedule: z.enum(BACKUP_SCHEDULES).optional().describe('Default: daily once a folder is chosen'),
    keep: keepSchema.partial().strict().optional(),
  })
  .meta({
    example: {
      folder: 'D:\\Chatdock backups',
      passphrase: 'a long passphrase you keep on paper',
      schedule: 'daily',
    },
  });

export const verifyBackupInput = z
  .strictObject({
    file: z.string().min(1).describe('A file name in the backup folder, or a full path'),
    passphrase: z.string().min(1),
  })
  .meta({ example: { file: exampleFile.name, passphrase: 'a long passphrase you keep on paper' } });

/** What a backup holds: its manifest (written inside it) and what verifying it shows. */
export const backupContentsShape = {
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
};

export const verifiedBackupSchema = z
  .object({ file: z.string(), size: z.number().int(), ...backupContentsShape })
  .meta({
    id: 'VerifiedBackup',
    example: {
      file: exampleFile.name,
      size: exampleFile.size,
      createdAt: exampleFile.createdAt,
      appVersion: '0.1.0',
      sessions: [{ id: 'shop', name: 'Shop', phone: '972501234567' }],
      counts: { messages: 18_204, chats: 311, mediaFiles: 912, missingMedia: 0 },
    },
  });
export type VerifiedBackupInfo = z.infer<typeof verifiedBackupSchema>;

export const restoreBackupInput = z
  .strictObject({
    file: z.string().min(1).describe('The full path of the backup file on this computer'),
    passphrase: z.string().min(1),
    ...confirmationFields,
    replace: z
      .boolean()
      .optional()
      .describe('Needed when this installation already has numbers: their data is set aside, not deleted'),
  })
  .meta({
    example: {
      file: 'E:\\Chatdock backups\\' + exampleFile.name,
      passphrase: 'a long passphrase you keep on paper',
      confirm: true,
    },
  });

export const preparedRestoreSchema = z
  .object({
    ...verifiedBackupSchema.shape,
    restartNeeded: z.literal(true).describe('The restored data is used from the next start of Chatdock'),
  })
  .meta({
    id: 'PreparedRestore',
    example: {
      file: exampleFile.name,
      size: exampleFile.size,
      createdAt: exampleFile.createdAt,
      appVersion: '0.1.0',
      sessions: [{ id: 'shop', name: 'Shop', phone: '972501234567' }],
      counts: { messages: 18_204, chats: 311, mediaFiles: 912, missingMedia: 0 },
      restartNeeded: true,
    },
  });
export type PreparedRestore = z.infer<typeof preparedRestoreSchema>;

export const backupOperations = {
  'backups.status': op<BackupStatus>()(z.strictObject({}), ADMIN_ONLY),
  'backups.configure': op<BackupStatus>()(configureBackupsInput, ADMIN_ONLY),
  'backups.run': op<BackupStatus>()(z.strictObject({}), ADMIN_ONLY),
  'backups.verify': op<VerifiedBackupInfo>()(verifyBackupInput, ADMIN_ONLY),
  'backups.restore': op<PreparedRestore>()(restoreBackupInput, { ...ADMIN_ONLY, confirm: true }),
};
