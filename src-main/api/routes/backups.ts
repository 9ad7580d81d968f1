import {
  backupStatusSchema,
  configureBackupsInput,
  preparedRestoreSchema,
  restoreBackupInput,
  verifiedBackupSchema,
  verifyBackupInput,
} from '../../../src-shared/contract/backups.js';
import { storageReportSchema } from '../../../src-shared/contract/storage.js';
import { backupHandlers } from '../../rpc/backup-handlers.js';
import type { Services } from '../../services/index.js';
import { operationRoutes } from '../operation-route.js';

const ADMIN_NOTE =
  'Needs the admin key or the `admin` scope: backups hold every conversation and the WhatsApp logins.';

/** Backups and the storage report: adapters onto the `backups.*` and `storage.report` operations. */
export function backupRoutes(services: Services) {
  const tag = 'backups';
  const route = operationRoutes(backupHandlers(services));
  return [
    route('backups.status', {
      method: 'get',
      path: '/backups',
      tag,
      summary: 'Backup settings, progress, the last good backup and the files in the folder',
      description: `\`overdue\` is true when the last good backup is older than the schedule promises. ${ADMIN_NOTE}`,
      response: { status: 200, description: 'The backup status', schema: backupStatusSchema },
    }),
    route('backups.configure', {
      method: 'put',
      path: '/backups/settings',
      tag,
      summary: 'Choose the folder, passphrase, schedule and rotation',
      description:
        'Fields left out keep their value. The schedule is daily by default: once a folder and a passphrase ' +
        'are set, the first backup starts. The passphrase is never stored, only a key derived from it ' +
        `(scrypt), beside the database and outside the backups. ${ADMIN_NOTE}`,
      body: configureBackupsInput,
      response: { status: 200, description: 'The backup status', schema: backupStatusSchema },
    }),
    route('backups.run', {
      method: 'post',
      path: '/backups',
      tag,
      summary: 'Back up now',
      description: `Starts a backup and answers at once; poll \`GET /backups\` for \`running\`. 409 while one runs. ${ADMIN_NOTE}`,
      response: { status: 202, description: 'The backup started', schema: backupStatusSchema },
    }),
    route('backups.verify', {
      method: 'post',
      path: '/backups/verify',
      tag,
      summary: 'Check a backup file without restoring it',
      description:
        'Reads the whole file: every part authenticated, every entry matched against its table of contents. ' +
        `A wrong passphrase is a 400 naming \`passphrase\`; a damaged or incomplete file one naming \`file\`. ${ADMIN_NOTE}`,
      body: verifyBackupInput,
      response: { status: 200, description: 'What the backup holds', schema: verifiedBackupSchema },
    }),
    route('backups.restore', {
      method: 'post',
      path: '/backups/restore',
      tag,
      summary: 'Restore a backup (used from the next start)',
      description:
        'Decrypts and checks the whole file into a folder beside the data dir; at the next start Chatdock ' +
        'switches to it before opening anything, keeping the old data dir as `<data dir>.before-restore-<time>`. ' +
        'Until then nothing changes. The linked numbers come back linked; another PC still running them is ' +
        'told it was replaced. After the restart the admin key is the one of the installation the backup ' +
        'came from (or `CHATDOCK_API_KEY`). An installation that has numbers needs `replace: true` (409 ' +
        `naming \`replace\` otherwise). A wrong passphrase is a 400 naming \`passphrase\`; a bad file one naming \`file\`. ` +
        'Cannot be undone: `confirm: true` is required (400 naming `confirm`), and a person signed in by browser ' +
        `also sends their own \`password\`. ${ADMIN_NOTE}`,
      body: restoreBackupInput,
      response: { status: 200, description: 'What was restored', schema: preparedRestoreSchema },
    }),
    route('storage.report', {
      method: 'get',
      path: '/storage',
      tag: 'storage',
      summary: 'What takes space: the database, media per number and type, the biggest chats',
      description: `Computed on request (it reads every message that carries media). ${ADMIN_NOTE}`,
      response: { status: 200, description: 'The storage report', schema: storageReportSchema },
    }),
  ];
}
