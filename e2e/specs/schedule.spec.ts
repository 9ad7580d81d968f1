import type { Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { SchedulePage } from '../pages/schedule-page.js';
import { Shell } from '../pages/shell.js';
import { Customer, messageText } from '../../testkit/wa-emulator/customer.js';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { startWaServer } from '../support/wa-server.js';

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
  return signInToSchedule(page, app);
}

async function signInToSchedule(page: Page, app: RunningApp): Promise<SchedulePage> {
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

test('an answer lost with the connection: saving the same draft again schedules it once', async ({
  page,
  app,
}) => {
  const schedule = await openSchedule(page, app);
  await schedule.scheduleText({
    to: '+972 50-123-4567',
    text: 'Pick-up reminder',
    date: '2030-06-15',
    time: '10:00',
    zone: 'Asia/Jerusalem',
  });
  // The first save reaches the server, but its answer is lost; saving again sends the same
  // Idempotency-Key, so the retry answers the first schedule rather than making a second.
  const keys: string[] = [];
  await page.route('**/rpc/schedules.create', async (route) => {
    keys.push((route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey);
    if (keys.length > 1) return route.continue();
    await route.fetch();
    return route.abort('connectionreset');
  });
  const form = schedule.scheduleForm();
  await form.getByRole('button', { name: 'Schedule message' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await form.getByRole('button', { name: 'Schedule message' }).click();
  await expect(schedule.scheduledTable().getByRole('row', { name: /Pick-up reminder/ })).toBeVisible();
  await page.unroute('**/rpc/schedules.create');
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBeTruthy();
  expect(keys[1]).toBe(keys[0]);
  const stored = await fetch(`${app.url}/api/v1/schedules`, {
    headers: { authorization: `Bearer ${app.apiKey}` },
  });
  const body = (await stored.json()) as { items: { message: { text?: string } }[] };
  expect(body.items.filter((item) => item.message.text === 'Pick-up reminder')).toHaveLength(1);
});

test('a campaign from a pasted list shows the dry run, then sends each customer what it showed', async ({
  page,
}) => {
  const { emulator, env } = await startWaServer();
  const app = await startApp({ env });
  const customers: Customer[] = [];
  try {
    await linkSession(app, emulator, { id: 'shop', name: 'Shop', phone: '972520000201' });
    for (const [phone, name] of [
      ['972501111111', 'Dana'],
      ['972502222222', 'Avi'],
    ] as const)
      customers.push(await Customer.create(emulator, { phone, name }));
    await campaignSendsItsDryRun(page, app, customers as [Customer, Customer]);
  } finally {
    await Promise.all(customers.map((customer) => customer.close()));
    await app.stop();
    await emulator.close();
  }
});

async function campaignSendsItsDryRun(page: Page, app: RunningApp, [dana, avi]: [Customer, Customer]) {
  const schedule = await signInToSchedule(page, app);
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

  // The dry run is exactly what is sent: each customer's WhatsApp gets the greeting shown for them.
  const shownTo = async (row: number) =>
    (await dryRun.getByRole('listitem').nth(row).locator('.bubble').textContent()) ?? '';
  const shown = { dana: await shownTo(0), avi: await shownTo(1) };
  await wizard.getByRole('button', { name: 'Start campaign' }).click();
  const detail = page.getByRole('article', { name: 'Campaign Spring sale' });
  await expect(detail.getByRole('progressbar')).toBeVisible();
  await expect(detail.getByRole('table', { name: 'Recipients' })).toContainText('invalid');
  const isSale: Parameters<Customer['waitForMessage']>[0] = (m) => /spring sale/.test(messageText(m) ?? '');
  expect(messageText(await dana.waitForMessage(isSale, 30_000))).toBe(shown.dana);
  expect(messageText(await avi.waitForMessage(isSale, 30_000))).toBe(shown.avi);
}
