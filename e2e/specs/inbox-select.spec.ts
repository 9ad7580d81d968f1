/**
 * Issue #18 point 12: select mode ticks chats (a click toggles, Shift-click a range, the tick
 * box in the avatar's place) and acts on all of them; point 20: mark as unread.
 */
import { signInToInbox } from '../pages/sign-in.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

test('select mode: a click ticks instead of opening, Shift-click ticks a range, the bar acts on them all', async ({
  page,
}) => {
  const now = Date.now();
  const names = ['Anna', 'Ben', 'Carmel', 'Dov'];
  const app = await startAppWithChats({
    number: { id: 'shop', name: 'Shop' },
    chats: names.map((name, index) => ({
      jid: `1555000030${index}@s.whatsapp.net`,
      name,
      count: 2,
      text: (n) => `${name} ${n}`,
      newestAt: now - index * 60_000,
    })),
  });
  try {
    const inbox = await signInToInbox(page, app);
    await expect(inbox.chat('Dov')).toBeVisible();
    const url = page.url();

    await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Select' }).click();
    await inbox.chat('Anna').click();
    await expect(page).toHaveURL(url);
    await expect(inbox.chat('Anna').getByRole('checkbox', { name: 'Select Anna' })).toBeChecked();
    await expect(inbox.chat('Anna')).toHaveAttribute('aria-selected', 'true');
    await inbox.chat('Carmel').click({ modifiers: ['Shift'] });
    const bar = page.getByRole('region', { name: 'Selected chats' });
    await expect(bar).toContainText('3 selected');
    await expect(inbox.chat('Ben').getByRole('checkbox')).toBeChecked();
    await expect(inbox.chat('Dov').getByRole('checkbox')).not.toBeChecked();
    // A second click unticks.
    await inbox.chat('Ben').click();
    await expect(bar).toContainText('2 selected');

    await bar.getByRole('button', { name: 'Mark unread' }).click();
    await expect(bar.getByRole('status')).toHaveText('Marked unread: 2 chats.');
    await expect(inbox.chat('Anna').getByLabel('1 unread')).toBeVisible();
    await expect(inbox.chat('Carmel').getByLabel('1 unread')).toBeVisible();
    await expect(inbox.chat('Ben').getByLabel(/unread/)).toHaveCount(0);

    // Leaving select mode: a click opens the chat again.
    await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Select' }).click();
    await expect(bar).toHaveCount(0);
    await inbox.chat('Dov').click();
    await expect(page).toHaveURL(/\/chats\/shop\/15550000303@s\.whatsapp\.net$/);

    // Point 20: a draft stays with its chat, across chats and a reload.
    await inbox.composer().fill('Your rye bread is');
    await inbox.chat('Anna').click();
    await expect(inbox.composer()).toHaveValue('');
    await page.reload();
    await inbox.chat('Dov').click();
    await expect(inbox.composer()).toHaveValue('Your rye bread is');

    // Point 18: ↑/↓ open chats from the list, Enter goes on to the message box; ? lists shortcuts.
    await inbox.chatList().focus();
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(/15550000302@s\.whatsapp\.net$/);
    await expect(inbox.chatList()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inbox.composer()).toBeFocused();
    await inbox.chatList().focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Search chats and messages');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  } finally {
    await app.stop();
  }
});
