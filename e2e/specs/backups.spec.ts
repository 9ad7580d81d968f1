import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupsSection } from '../pages/backups-section.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { expect, test } from '../support/fixtures.js';

test('choosing a folder and a passphrase makes the first backup at once; "Back up now" makes another', async ({
  page,
  app,
}) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chatdock-e2e-backups-'));
  try {
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    const shell = new Shell(page);
    await shell.goTo('Settings');
    const backups = new BackupsSection(page);
    // Settings → Storage sits beside it: the database of a fresh install, no media yet.
    const storage = page.getByRole('region', { name: 'Storage' });
    await expect(storage.getByLabel('Database size')).toContainText(
      /^Database: \d.*Media: 0 byte in 0 files\.$/,
    );
    await expect(backups.lastGood()).toHaveText('No backup yet.');
    await expect(backups.backUpNow()).toBeDisabled();

    await backups.configure(folder, 'a passphrase kept on paper');
    // The daily schedule starts with a backup: the section follows it and shows it once written.
    await expect(backups.lastGood()).toContainText('Last good backup:', { timeout: 30_000 });
    await expect(backups.lastGood()).toContainText('0 messages');
    const first = readdirSync(folder);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/\.chatdock-backup$/);

    await expect(backups.backUpNow()).toBeEnabled();
    await backups.backUpNow().click();
    await expect
      .poll(
        () => readdirSync(folder).filter((n) => n.endsWith('.chatdock-backup') && n !== first[0]).length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    await expect(backups.root().getByRole('alert')).toHaveCount(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
