import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupsSection } from '../pages/backups-section.js';
import { LoginPage } from '../pages/login-page.js';
import { RetentionSection } from '../pages/retention-section.js';
import { Shell } from '../pages/shell.js';
import { expect, test } from '../support/fixtures.js';
import { signInToSettings } from '../pages/sign-in.js';

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
      /^Database: \d.*Media: 0 bytes in 0 files\.$/,
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

test('every page warns while no backup was made although a folder is chosen', async ({ page, app }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chatdock-e2e-overdue-'));
  try {
    // A folder without a passphrase: the schedule promises a daily backup that cannot run.
    const response = await fetch(`${app.url}/api/v1/backups/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ folder }),
    });
    expect(response.status).toBe(200);
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    const banner = page.getByRole('alert', { name: 'Backup overdue' });
    await expect(banner).toContainText('No backup has been made yet');
    await banner.getByRole('link', { name: 'Open Settings → Backups' }).click();
    await expect(new BackupsSection(page).root()).toBeVisible();
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('Settings → Retention: a media rule is saved and a pass runs on request', async ({ page, app }) => {
  await signInToSettings(page, app);
  const retention = new RetentionSection(page);
  await expect(retention.lastPass()).toHaveText('No retention pass yet.');
  await retention.keepMediaDays('90');
  await expect(retention.root().getByText('Saved. The next pass applies it.')).toBeVisible();
  // Saving a rule starts the first pass at once (an empty install: nothing to remove).
  await expect(retention.lastPass()).toContainText('media removed from messages: 0', { timeout: 30_000 });
  await expect(retention.lastPass()).toContainText('Next:');
  await expect(retention.runNow()).toBeEnabled();
  await retention.runNow().click();
  await expect(retention.root().getByRole('alert')).toHaveCount(0);
  await expect(retention.root()).toContainText('gives freed space back to the disk');
});

test('a new install restores a backup from the first-run form on Sessions', async ({ page, app }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chatdock-e2e-restore-'));
  try {
    // A backup of this very install (nothing linked yet) stands in for the old PC's file.
    const configured = await fetch(`${app.url}/api/v1/backups/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ folder, passphrase: 'a passphrase kept on paper' }),
    });
    expect(configured.status).toBe(200);
    await expect.poll(() => readdirSync(folder).filter((n) => n.endsWith('.chatdock-backup')).length).toBe(1);
    const file = path.join(
      folder,
      readdirSync(folder).find((n) => n.endsWith('.chatdock-backup'))!,
    );

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await new Shell(page).goTo('Sessions');
    const form = page.getByRole('form', { name: 'Restore from a backup' });
    await form.getByLabel(/Backup file/).fill(file);
    await form.getByLabel('Backup passphrase').fill('not the passphrase');
    await form.getByRole('button', { name: 'Check the backup' }).click();
    await expect(form.getByRole('alert')).toContainText('passphrase');

    await form.getByLabel('Backup passphrase').fill('a passphrase kept on paper');
    await form.getByRole('button', { name: 'Check the backup' }).click();
    await expect(form.getByLabel('Backup contents')).toContainText('0 messages');
    await form.getByRole('button', { name: 'Restore', exact: true }).click();
    // Cannot be undone: asked once more (the admin key needs no password).
    const question = form.getByRole('alertdialog', { name: 'Restore' });
    await expect(question).toContainText('Restore this backup?');
    await question.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Restore ready' })).toContainText(
      'Quit Chatdock and start it again',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
