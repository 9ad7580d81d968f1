import type { Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { SchedulePage } from '../pages/schedule-page.js';
import { Shell } from '../pages/shell.js';
import type { RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';

// The browser's zone: the form picks date and time in it and shows the UTC it stores.
test.use({ timezoneId: 'Asia/Jerusalem' });

async function openSchedule(page: Page, app: RunningApp): Promise<SchedulePage> {
  // Scheduling needs a session; it does not need to be linked to create schedules or a dry run.
  const created = await fetch(`${app.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'shop', name: 'Shop' }),
  });
  expect(created.status).toBe(201);
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await new Shell(page).goTo('Schedule');
  return new SchedulePage(page);
}

test('schedule a message for a local time and see it listed with the UTC it is stored as', async ({
  page,
  app,
}) => {
  const schedule = await openSchedule(page, app);
  await expect(page.getByText('Nothing scheduled')).toBeVisible();

  await schedule.scheduleText({
    to: '+972 50-123-4567',
    text: 'Your table is booked for 20:00 🎉',
    date: '2030-06-14',
    time: '09:30',
    zone: 'Asia/Jerusalem',
  });
  // 09:30 in Jerusalem in June (UTC+3) is 06:30 UTC.
  await expect(schedule.scheduleForm().getByTestId('utc-preview')).toHaveText(
    'Stored as 2030-06-14 06:30 UTC',
  );
  await schedule.scheduleForm().getByRole('button', { name: 'Schedule message' }).click();

  const row = schedule.scheduledTable().getByRole('row', { name: /Your table is booked/ });
  await expect(row).toContainText('2030-06-14 06:30 UTC');
  await expect(row).toContainText('09:30');
  await expect(row).toContainText('pending');

  // Cancelling asks first, then the row shows it.
  await row.getByRole('button', { name: 'Cancel' }).click();
  await row.getByRole('button', { name: 'Cancel message' }).click();
  await expect(row).toContainText('cancelled');

  const stored = await fetch(`${app.url}/api/v1/schedules`, {
    headers: { authorization: `Bearer ${app.apiKey}` },
  });
  const body = (await stored.json()) as { items: { sendAt: string; status: string; timeZone: string }[] };
  expect(body.items).toMatchObject([
    { sendAt: '2030-06-14T06:30:00.000Z', status: 'cancelled', timeZone: 'Asia/Jerusalem' },
  ]);
});

test('a campaign from a pasted list shows the dry run before anything is sent', async ({ page, app }) => {
  const schedule = await openSchedule(page, app);
  await schedule.openTab('Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const wizard = schedule.campaignWizard();
  await wizard.getByLabel('Campaign name').fill('Spring sale');
  await wizard.getByLabel('Message template').fill('{Hi|Hello} [name], the spring sale starts today');
  await wizard
    .getByLabel('Phone numbers')
    .fill(
      ['+972 50-111-1111, Dana', '+972 50-222-2222, Avi', 'not a number, Broken', '+972502223333'].join('\n'),
    );

  const dryRun = schedule.dryRun();
  await expect(dryRun.getByRole('listitem')).toHaveCount(3);
  await expect(dryRun.getByRole('listitem').nth(0)).toContainText('+972501111111');
  await expect(dryRun.getByRole('listitem').nth(0)).toContainText(
    /^\+972501111111(Hi|Hello) Dana, the spring sale/,
  );
  await expect(dryRun.getByRole('listitem').nth(1)).toContainText(/(Hi|Hello) Avi, the spring sale/);
  await expect(dryRun.getByRole('listitem').nth(2)).toContainText(/(Hi|Hello), the spring sale/);
  await expect(dryRun).toContainText('3 will be sent · 1 invalid');
  await expect(dryRun).toContainText('not a number');

  // The preview is exactly what is sent: the same recipient gets the same greeting.
  const shown = await dryRun.getByRole('listitem').nth(0).locator('.bubble').textContent();
  await wizard.getByRole('button', { name: 'Start campaign' }).click();
  const detail = page.getByRole('article', { name: 'Campaign Spring sale' });
  await expect(detail.getByRole('progressbar')).toBeVisible();
  await expect(detail.getByRole('table', { name: 'Recipients' })).toContainText('invalid');
  const api = await fetch(`${app.url}/api/v1/campaigns/preview`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      template: '{Hi|Hello} [name], the spring sale starts today',
      recipients: { source: 'list', text: '+972 50-111-1111, Dana' },
    }),
  });
  expect(((await api.json()) as { messages: { text: string }[] }).messages[0]?.text).toBe(shown);
});
