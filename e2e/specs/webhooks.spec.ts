import { Webhook } from 'standardwebhooks';
import { startReceiver, type WebhookReceiver } from '../../testkit/support/webhook-receiver.js';
import { IntegrationsSettings } from '../pages/integrations.js';
import { Shell } from '../pages/shell.js';
import { expect, test } from '../support/fixtures.js';
import { signInToSettings } from '../pages/sign-in.js';

let receiver: WebhookReceiver;

test.beforeEach(async () => {
  receiver = await startReceiver();
});

test.afterEach(async () => {
  await receiver.close();
});

test('a webhook created in Settings receives a signed test event, listed as succeeded', async ({
  page,
  app,
}) => {
  await signInToSettings(page, app);

  const settings = new IntegrationsSettings(page);
  await settings.addWebhook(receiver.url, 'CRM');
  const secret = await settings.revealedWebhookSecret();
  expect(secret).toMatch(/^whsec_/);
  await page
    .getByRole('region', { name: 'New webhook secret' })
    .getByRole('button', { name: 'I have saved it' })
    .click();
  await expect(page.getByText(secret)).toHaveCount(0);

  const card = settings.webhook('CRM');
  await expect(card).toContainText(receiver.url);
  receiver.answerWith({ status: 200, body: '{"stored":true}' });
  await card.getByRole('button', { name: 'Send test' }).click();
  // The receiver's answer shows beside the button at once: status, time taken, body.
  const testResult = card.getByRole('status').filter({ hasText: 'HTTP 200' });
  await expect(testResult).toContainText('Received: HTTP 200');
  await expect(testResult).toContainText('{"stored":true}');
  await expect(settings.deliveryRows('CRM')).toHaveCount(1);
  const row = settings.deliveryRows('CRM').first();
  await expect(row).toContainText('webhook.test');
  await expect(row.getByText('Succeeded')).toBeVisible();
  await expect(row).toContainText('HTTP 200');

  await receiver.until((received) => received.length === 1);
  const [delivery] = receiver.received;
  expect(
    new Webhook(secret).verify(delivery?.body ?? '', delivery?.headers as Record<string, string>),
  ).toMatchObject({
    type: 'webhook.test',
  });

  await row.getByRole('button', { name: 'Attempts' }).click();
  await expect(card.getByRole('list', { name: /^Attempts of delivery/ })).toContainText('HTTP 200');

  // A receiver that fails: the delivery is listed as failed and can be retried by hand.
  receiver.answerWith({ status: 404, body: 'no such hook' });
  await card.getByRole('button', { name: 'Send test' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'HTTP 404' })).toContainText('no such hook');
  const failed = settings.deliveryRows('CRM').first();
  await expect(failed.getByText('Failed')).toBeVisible();
  await expect(failed).toContainText('HTTP 404');
  receiver.answerWith({ status: 200 });
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(settings.deliveryRows('CRM').first().getByText('Succeeded')).toBeVisible();

  // The failure is in the Logs page, with the webhook's id and no secret.
  await new Shell(page).goTo('Logs');
  const logLine = page.getByRole('row').filter({ hasText: 'webhook delivery failed for good' });
  await expect(logLine).toHaveAttribute('data-level', 'warn');
  await expect(logLine).toContainText('HTTP 404');
  await expect(page.getByText(secret)).toHaveCount(0);
});

test('failed deliveries of a dead receiver are discarded one by one or all at once', async ({
  page,
  app,
}) => {
  await signInToSettings(page, app);
  const settings = new IntegrationsSettings(page);
  await settings.addWebhook(receiver.url, 'Gone');
  await page
    .getByRole('region', { name: 'New webhook secret' })
    .getByRole('button', { name: 'I have saved it' })
    .click();

  receiver.answerWith({ status: 410, body: 'gone for good' });
  const card = settings.webhook('Gone');
  const rows = settings.deliveryRows('Gone');
  for (let sent = 1; sent <= 3; sent += 1) {
    await card.getByRole('button', { name: 'Send test' }).click();
    await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(sent);
  }
  // The card notices the failures on its own and offers what to do with them.
  await expect(card).toContainText('3 failed');
  await expect(card.getByRole('button', { name: 'Retry all failed' })).toBeVisible();

  await rows.first().getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(rows.first().getByRole('alertdialog')).toContainText("can't be sent afterwards");
  await rows.first().getByRole('button', { name: 'Discard delivery' }).click();
  await expect(card.getByRole('status').filter({ hasText: /^Delivery \d+ discarded\.$/ })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(card).toContainText('2 failed');

  await card.getByRole('button', { name: 'Discard failed…' }).click();
  const confirm = card.getByRole('alertdialog', { name: 'Discard failed…' });
  await expect(confirm).toContainText('Discard the 2 failed deliveries?');
  await expect(confirm).toContainText("can't be sent afterwards");
  await confirm.getByRole('button', { name: 'Discard 2 failed deliveries' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'failed deliveries discarded' })).toHaveText(
    '2 failed deliveries discarded.',
  );
  await expect(rows).toHaveCount(0);
  // The row's earlier notice no longer applies and goes away.
  await expect(card.getByRole('status')).toHaveCount(1);
  await expect(card.getByRole('button', { name: 'Retry all failed' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Discard failed…' })).toHaveCount(0);
  expect(receiver.received).toHaveLength(3);
});

test('a named API key is created once, works, and is refused after revoking', async ({ page, app }) => {
  await signInToSettings(page, app);

  const settings = new IntegrationsSettings(page);
  const key = await settings.createKey('CRM sync');
  expect(key).toMatch(/^cd_/);
  const sessions = await fetch(`${app.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${key}` } });
  expect(sessions.status).toBe(200);

  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  const row = settings.keyRow('CRM sync');
  await expect(row).toContainText('messages:send');
  await expect(row).not.toContainText('never');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('Revoked');

  const refused = await fetch(`${app.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status).toBe(401);
});
