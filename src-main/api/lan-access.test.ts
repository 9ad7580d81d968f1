import { describe, expect, it } from 'vitest';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../testkit/support/test-core.js';
import { useCleanups } from '../../testkit/support/cleanups.js';

const onCleanup = useCleanups();

// "LAN access" makes Chatdock listen on every interface, so other PCs reach it. Tests may only use
// loopback targets: a second loopback address (127.0.0.2) stands in for "another interface" —
// reachable when listening on 0.0.0.0, refused when listening on 127.0.0.1 alone.
async function healthVia(host: string, port: number): Promise<number | string> {
  try {
    const response = await fetch(`http://${host}:${port}/api/v1/health`);
    return response.status;
  } catch (error) {
    return ((error as Error).cause as { code?: string } | undefined)?.code ?? String(error);
  }
}

async function started(env: Record<string, string> = {}, dataDir?: string): Promise<TestCore> {
  const app = await startTestCore(env, dataDir ? { dataDir } : {});
  onCleanup(() => app.stop());
  return app;
}

describe('LAN access', () => {
  it('off: listens on 127.0.0.1 only; on (after a restart): on every interface', async () => {
    const first = await started();
    expect(first.core.runtime().boundHost).toBe('127.0.0.1');
    const { port } = first.core.runtime();
    expect(await healthVia('127.0.0.1', port)).toBe(200);
    expect(await healthVia('127.0.0.2', port)).toBe('ECONNREFUSED');

    // Switched on in Settings (the UI calls the same operation); it applies at the next start.
    const switched = await first.request('/rpc/settings.update', {
      method: 'POST',
      json: { lanAccess: true },
    });
    expect(switched.status).toBe(200);
    const { dataDir } = first;
    await first.core.stop();

    const second = await started({}, dataDir);
    const runtime = second.core.runtime();
    expect(runtime.boundHost).toBe('0.0.0.0');
    expect(await healthVia('127.0.0.2', runtime.port)).toBe(200);
    const info = await fetch(`http://127.0.0.2:${runtime.port}/api/v1/sessions`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect(info.status).toBe(200);
  });

  it('CHATDOCK_HOST wins over the setting', async () => {
    const app = await started({ CHATDOCK_HOST: '127.0.0.1' });
    await app.request('/rpc/settings.update', { method: 'POST', json: { lanAccess: true } });
    const { dataDir } = app;
    await app.core.stop();
    const again = await started({ CHATDOCK_HOST: '127.0.0.1' }, dataDir);
    expect(again.core.runtime().boundHost).toBe('127.0.0.1');
    expect(await healthVia('127.0.0.2', again.core.runtime().port)).toBe('ECONNREFUSED');
  });
});
