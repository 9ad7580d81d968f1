import { expect, test } from '../support/fixtures.js';
import { signInToSettings } from '../pages/sign-in.js';
import { shootLaptopAndPhone } from '../support/screens.js';

/**
 * Issue #26 points 2 and 3 in Settings: the rate limits by kind (a wrong value is named beside its
 * field, reset to default, saved) and a key's usage under its row.
 */
test('rate limits are edited per kind, and a key shows its usage', async ({ page, app }, testInfo) => {
  const api = (pathname: string, init: { method?: string; key?: string; json?: unknown } = {}) =>
    fetch(`${app.url}/api/v1${pathname}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.key ?? app.apiKey}`,
        ...(init.json ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.json ? { body: JSON.stringify(init.json) } : {}),
    });
  // A named key used a few times, one of them refused.
  const created = (await (
    await api('/keys', { method: 'POST', json: { name: 'CRM sync', scopes: ['messages:read'] } })
  ).json()) as { key: string };
  for (let i = 0; i < 3; i += 1) await api('/sessions', { key: created.key });
  await api('/sessions/nowhere/chats', { key: created.key });

  await signInToSettings(page, app);

  const limits = page.getByRole('region', { name: 'Rate limits' });
  const deletions = limits.getByRole('group', { name: 'Deletions' });
  await expect(deletions.getByLabel('Requests')).toHaveValue('60');
  await deletions.getByLabel('Requests').fill('0');
  await limits.getByRole('button', { name: 'Save rate limits' }).click();
  await expect(deletions.getByRole('alert')).toContainText('limit');
  await deletions.getByRole('button', { name: /Reset to default/ }).click();
  await expect(deletions.getByLabel('Requests')).toHaveValue('60');
  const sends = limits.getByRole('group', { name: 'Messages sent, per number' });
  await sends.getByLabel('Requests').fill('20');
  await limits.getByRole('button', { name: 'Save rate limits' }).click();
  await expect(limits.getByRole('status')).toHaveText('Saved. The new limits apply from the next request.');
  const stored = (await (await api('/settings/rate-limits')).json()) as {
    limits: { sendPerNumber: { limit: number } };
  };
  expect(stored.limits.sendPerNumber.limit).toBe(20);

  const keys = page.getByRole('region', { name: 'API keys' });
  await keys.getByRole('button', { name: 'Usage of CRM sync' }).click();
  await expect(
    keys.getByText(/Last 30 days: 4 requests, 1 refused \(4xx\), 0 failed \(5xx\)\./),
  ).toBeVisible();
  await expect(keys.getByRole('table', { name: 'Requests per day' })).toBeVisible();

  await shootLaptopAndPhone(page, testInfo, 'limits', undefined, { of: limits });
  await shootLaptopAndPhone(page, testInfo, 'usage', undefined, { of: keys });
});
