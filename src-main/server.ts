/**
 * The headless gateway (`npm run serve`): the whole core and the web UI, without Electron.
 * `npm run serve -- --restore FILE` restores a backup into the data dir first.
 */
import { createCore } from './app/container.js';
import { ConfigError, loadConfig, reachableHost } from './core/config.js';
import { installProcessGuards } from './core/process-guards.js';
import { restoreCommand } from './app/restore-command.js';
import { BackupFileError } from './services/backup/backup-errors.js';

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  // `npm run serve -- --restore FILE`: a new PC restores a backup into its data dir, then starts.
  const restoreAt = argv.indexOf('--restore');
  if (restoreAt !== -1) {
    const file = argv[restoreAt + 1];
    if (!file) throw new ConfigError('--restore needs the backup file: npm run serve -- --restore FILE');
    const code = await restoreCommand(file, config.dataDir);
    if (code !== 0) process.exit(code);
  }
  const core = createCore(loadConfig());
  installProcessGuards(core.logger);
  await core.start();
  const { boundHost, port } = core.runtime();
  const shownHost = reachableHost(boundHost);
  // Plain stdout on purpose: scripts read the URL, and the one-time key must not go to the log files.
  process.stdout.write(`Chatdock listening on http://${shownHost}:${port}\n`);
  process.stdout.write(`Data directory: ${config.dataDir}\n`);
  if (core.createdAdminKey) {
    process.stdout.write(
      `Admin API key (shown once, stored hashed): ${core.createdAdminKey}\n` +
        'Keep it safe; set CHATDOCK_API_KEY to choose your own.\n',
    );
  }

  let exiting = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (exiting) return;
    exiting = true;
    core.logger.info({ signal }, 'shutting down');
    core.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else if (error instanceof BackupFileError) {
    // Nothing was changed: the data dir is as it was.
    process.stderr.write(`Restore failed: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Chatdock failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
