import { readFileSync } from 'node:fs';
import { unzip } from '../../testkit/support/unzip.js';
import { LoginPage } from '../pages/login-page.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

test("Export chat… downloads the conversation in WhatsApp's own .txt format, zipped", async ({ page }) => {
  const jid = '15550003333@s.whatsapp.net';
  const app = await startAppWithChats({
    number: { id: 'shop', name: 'Shop' },
    chats: [
      {
        jid,
        name: 'Maya',
        count: 3,
        text: (n) => `Maya says ${n}`,
        newestAt: Date.now() - 60_000,
      },
    ],
  });
  try {
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    // Signed in (the key is remembered) before the page is loaded again at the chat's address.
    await expect(page.getByRole('link', { name: 'Inbox' })).toBeVisible();
    await page.goto(`${app.url}/chats/shop/${jid}`);
    await page.getByRole('button', { name: 'Export chat…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export chat' });
    await expect(dialog.getByLabel('Format')).toHaveValue('whatsapp');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^WhatsApp Chat with .+\.zip$/);
    const files = unzip(readFileSync((await download.path())!));
    const txt = [...files.entries()].find(([name]) => name.endsWith('.txt'))![1].toString('utf8');
    const lines = txt.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const [i, line] of lines.entries()) {
      expect(line).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2} - [^:]+: Maya says ${i + 1}$`));
    }
    await expect(dialog).toHaveCount(0);
  } finally {
    await app.stop();
  }
});
