import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditExport } from '../../../src-shared/contract/people.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

/** Settings → Audit's CSV: streamed over REST, a file over /rpc, both recorded as an export. */
describe('audit CSV export', () => {
  let app: TestCore;

  beforeAll(async () => {
    app = await startTestCore();
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Dana', login: 'dana', role: 'agent', password: 'correct horse 1' },
    });
    expect(created.status).toBe(201);
    const failed = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login: 'dana', password: 'wrong password' },
    });
    expect(failed.status).toBe(401);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('streams every matching entry as CSV over REST, filtered by action', async () => {
    const response = await app.request('/api/v1/audit/export?action=auth.');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,actor_type,actor_id,actor,action,target,detail,address');
    expect(lines.slice(1).every((line) => line.includes(',auth.'))).toBe(true);
    expect(lines.some((line) => line.includes('auth.signin_failed'))).toBe(true);
    expect(lines.some((line) => line.includes('user.created'))).toBe(false);
  });

  it('pages through a log longer than one read batch without losing or repeating entries', async () => {
    const audit = app.core.services.people.audit;
    for (let i = 0; i < 1203; i += 1) {
      audit.record({
        actor: { type: 'system', id: null, name: 'Bulk' },
        action: 'backup.created',
        target: `n:${i}`,
      });
    }
    const text = await (await app.request('/api/v1/audit/export?action=backup.created')).text();
    const targets = text
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[5]);
    expect(targets.length).toBe(1203);
    expect(new Set(targets).size).toBe(1203);
    expect(targets[0]).toBe('n:1202');
  });

  it('answers the same CSV as a file over /rpc, and records that the log was exported', async () => {
    const response = await app.request('/rpc/audit.export', { method: 'POST', json: { action: 'auth.' } });
    expect(response.status).toBe(200);
    const file = ((await response.json()) as { result: AuditExport }).result;
    expect(file).toMatchObject({ fileName: 'audit.csv', contentType: 'text/csv' });
    expect(Buffer.from(file.base64, 'base64').toString()).toContain('auth.signin_failed');
    const exported = await app.request('/api/v1/audit?action=audit.exported');
    expect(((await exported.json()) as { items: unknown[] }).items.length).toBe(3); // two REST exports above, this one
  });
});
