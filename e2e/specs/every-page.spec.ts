/**
 * Issue #18 points 6, 7 and 16: every page at 1366×768 and at 400px, in both themes, is
 * screenshotted (kept as artifacts under test-results/screenshots/, not compared) and checked:
 * every control has an accessible name and all text meets WCAG AA contrast.
 */
import path from 'node:path';
import { signInToInbox } from '../pages/sign-in.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startAppWithChats } from '../support/app-with-chats.js';
import { expect, test } from '../support/fixtures.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '400', width: 400, height: 800 },
] as const;
const THEMES = ['light', 'dark'] as const;
const CHAT = '15550000401@s.whatsapp.net';
const PAGES = [
  { name: 'inbox', path: '/inbox', ready: 'Inbox' },
  { name: 'chat', path: `/chats/shop/${CHAT}`, ready: 'Inbox' },
  { name: 'sessions', path: '/sessions', ready: 'Sessions' },
  { name: 'schedule', path: '/schedule', ready: 'Schedule' },
  { name: 'tags', path: '/tags', ready: 'Tags' },
  { name: 'widget', path: '/widget', ready: 'Widget' },
  { name: 'reports', path: '/reports', ready: 'Reports' },
  { name: 'logs', path: '/logs', ready: 'Logs' },
  { name: 'settings', path: '/settings', ready: 'Settings' },
  { name: 'team', path: '/settings/team', ready: 'Team' },
  { name: 'routing', path: '/settings/routing', ready: 'Routing' },
  { name: 'permissions', path: '/settings/team/numbers/shop', ready: 'Who can use Bakery front desk' },
];

test('every page, both themes, 1366 and 400 wide: named controls and AA contrast', async ({ page }) => {
  // Eleven pages × two sizes × two themes; slow on a loaded machine.
  test.setTimeout(360_000);
  const now = Date.now();
  const app = await startAppWithChats({
    chats: [
      {
        jid: CHAT,
        name: 'Dana Levi',
        count: 6,
        text: (n) => (n % 2 ? `שלום, ההזמנה ${n} מוכנה?` : `Order ${n} is ready for pickup`),
        newestAt: now - 60_000,
      },
      {
        jid: '15550000402@s.whatsapp.net',
        name: 'Omar',
        count: 2,
        text: (n) => `مرحبا ${n}`,
        newestAt: now - 3_600_000,
      },
    ],
  });
  try {
    await signInToInbox(page, app);
    const problems: string[] = [];
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        for (const target of PAGES) {
          await page.goto(`${app.url}${target.path}`);
          // An open chat fills a phone's screen (no page heading there).
          if (target.name === 'chat')
            await expect(page.getByRole('feed').getByText('Order 6 is ready for pickup')).toBeVisible();
          else await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
          // A page still loading (a report being calculated) is not what its screenshot is for.
          await expect(page.getByText(/^(Loading|Calculating)…$/)).toHaveCount(0, { timeout: 30_000 });
          await page.screenshot({ path: path.join(SCREENSHOTS, `${target.name}-${size.name}-${theme}.png`) });
          for (const problem of await accessibilityProblems(page))
            problems.push(`${target.name} ${size.name} ${theme}: ${problem}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);

    // Installable on a phone: the page links a web app manifest the server serves.
    const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.request.get(`${app.url}${manifestUrl ?? ''}`);
    expect(manifest.status()).toBe(200);
    expect(await manifest.json()).toMatchObject({
      name: 'Chatdock',
      display: 'standalone',
      start_url: '/inbox',
    });
  } finally {
    await app.stop();
  }
});
