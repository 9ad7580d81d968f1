/**
 * Issue #18 point 6: Chatdock can be installed as a web app on a phone. What Chromium needs for
 * that: a linked manifest that parses, with a name, icons of 192 and 512 px that load, display
 * standalone and a start URL in scope; and a service worker that registers (here the app is on
 * localhost, a secure context, as it would be behind https on the LAN).
 */
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { expect, test } from '../support/fixtures.js';

/** Width and height from a PNG's header (IHDR follows the 8-byte signature and chunk header). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the web app is installable: manifest, icons and a registered service worker', async ({ page, app }) => {
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await expect(new Shell(page).pageHeading()).toHaveText('Inbox');

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', app.url);
  const answer = await page.request.get(manifestUrl.href);
  expect(answer.ok()).toBe(true);
  expect(answer.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await answer.json()) as {
    name?: string;
    short_name?: string;
    display?: string;
    start_url?: string;
    scope?: string;
    icons?: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('Chatdock');
  expect(manifest.display).toBe('standalone');
  const scope = new URL(manifest.scope ?? '/', manifestUrl);
  const start = new URL(manifest.start_url ?? '', manifestUrl);
  expect(start.href.startsWith(scope.href)).toBe(true);

  for (const size of [192, 512]) {
    const icon = manifest.icons?.find(
      (entry) => entry.sizes === `${size}x${size}` && entry.type === 'image/png',
    );
    expect(icon, `a ${size}px PNG icon`).toBeDefined();
    const image = await page.request.get(new URL(icon?.src ?? '', manifestUrl).href);
    expect(image.ok()).toBe(true);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(pngSize(await image.body())).toEqual({ width: size, height: size });
  }
  expect(manifest.icons?.some((entry) => entry.purpose === 'maskable')).toBe(true);

  // The service worker registers and controls the app's whole scope.
  // (A string: the e2e code is type-checked without the browser's globals.)
  const worker = await page.evaluate<{ script: string | null; scope: string }>(
    'navigator.serviceWorker.ready.then((r) => ({ script: r.active ? r.active.scriptURL : null, scope: r.scope }))',
  );
  expect(worker.script).toBe(new URL('/sw.js', app.url).href);
  expect(worker.scope).toBe(new URL('/', app.url).href);
});
