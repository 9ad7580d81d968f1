import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedWebhook, Webhook } from '../../../src-shared/contract/webhooks.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { startReceiver, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';
import { maskHeaderValue, mergeHeaderEdit } from './header-mask.js';

describe('webhook header masking', () => {
  it('masks values, keeping the last characters of long ones', () => {
    expect(maskHeaderValue('Bearer crm-token-1234567')).toBe('••••••4567');
    expect(maskHeaderValue('short')).toBe('••••••');
  });

  it('keeps a stored value sent back masked, takes new ones', () => {
    const stored = { Authorization: 'Bearer crm-token-1234567', 'X-Tenant': 'bakery' };
    expect(
      mergeHeaderEdit(stored, { authorization: '••••••4567', 'X-Tenant': 'cafe', 'X-New': 'v' }),
    ).toEqual({ authorization: 'Bearer crm-token-1234567', 'X-Tenant': 'cafe', 'X-New': 'v' });
  });

  let app: TestCore | null = null;
  let receiver: WebhookReceiver | null = null;
  afterEach(async () => {
    await app?.stop();
    await receiver?.close();
    app = null;
    receiver = null;
  });

  it('never shows a header value again over REST, yet sends it with every delivery', async () => {
    app = await startTestCore();
    receiver = await startReceiver();
    const secret = 'Bearer crm-token-1234567';
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      json: { url: receiver.url, headers: { Authorization: secret } },
    });
    const { webhook } = (await created.json()) as CreatedWebhook;
    expect(JSON.stringify(webhook)).not.toContain('crm-token');
    const read = await app.request(`/api/v1/webhooks/${webhook.id}`);
    const shown = ((await read.json()) as Webhook).headers;
    expect(shown).toEqual({ Authorization: '••••••4567' });
    expect(await (await app.request('/api/v1/webhooks')).text()).not.toContain('crm-token');
    // Saving the form as shown keeps the secret.
    await app.request(`/api/v1/webhooks/${webhook.id}`, { method: 'PATCH', json: { headers: shown } });
    await app.request(`/api/v1/webhooks/${webhook.id}/test`, { method: 'POST' });
    await receiver.until((received) => received.length > 0);
    expect((receiver.received[0]?.headers as Record<string, string>).authorization).toBe(secret);
  });
});
