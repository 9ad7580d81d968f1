import type { Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { WebsiteWidget, type BrowserGlobals } from '../pages/website-widget.js';
import { WidgetEditorPage } from '../pages/widget-editor-page.js';
import type { RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { hostPageHtml, serveHostSite, type HostSite } from '../support/host-site.js';

// Visitors (and the owner's browser) in Berlin, like the business: "Back today at 09:00" is unambiguous.
test.use({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });

const weekdays = { availableFrom: '09:00:00', availableUntil: '17:00:00' };
const PREFILL = 'Hallo Anna, ich möchte eine Torte bestellen & abholen?';

/** Hours in Europe/Berlin. Fri 10:00 → Anna; Fri 23:30/Sat 01:30 → Ben; Sun 12:00 → Dara; Mon 07:00 → nobody. */
const WIDGET = {
  businessName: 'Bäckerei Sonne',
  timeZone: 'Europe/Berlin',
  color: '#7B1FA2',
  textColor: '#FFF5E1',
  position: 'left',
  buttonMessage: 'Schreib uns',
  widgetMessage: 'Hallo! Wer soll dir helfen?',
  operators: [
    {
      number: '+49 170 1234567',
      name: 'Anna Schmidt',
      role: 'Bestellungen',
      prefill: PREFILL,
      hours: { MO: [weekdays], TU: [weekdays], WE: [weekdays], TH: [weekdays], FR: [weekdays] },
    },
    {
      number: '+49 170 7654321',
      name: 'Ben Okafor',
      role: 'Nachtschicht',
      hours: { FR: [{ availableFrom: '22:00:00', availableUntil: '02:00:00' }] },
    },
    // Inactive and without hours: would be "always available" if inactive operators leaked.
    { number: '+33 6 12 34 56 78', name: 'Chloé Martin', active: false },
    {
      number: '+44 20 7946 0958',
      name: 'Dara Lee',
      role: 'Wochenende',
      prefill: 'Hi Dara!',
      hours: {
        SA: [{ availableFrom: '10:00:00', availableUntil: '14:00:00' }],
        SU: [{ availableFrom: '10:00:00', availableUntil: '14:00:00' }],
      },
    },
  ],
};

async function api<T>(app: RunningApp, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(app.url + path, {
    ...init,
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function createWidget(app: RunningApp): Promise<{ id: string; hosted: string; selfContained: string }> {
  const { id } = await api<{ id: string }>(app, '/api/v1/widgets', {
    method: 'POST',
    body: JSON.stringify(WIDGET),
  });
  const snippets = await api<{ hosted: string; selfContained: string }>(
    app,
    `/api/v1/widgets/${id}/snippets`,
  );
  return { id, ...snippets };
}

/** Button in the bottom-left corner in the configured colours, host CSS kept out. */
async function expectLauncherLooksRight(page: Page, widget: WebsiteWidget): Promise<void> {
  const launcher = widget.launcher();
  await expect(launcher).toBeVisible();
  const box = await launcher.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no launcher box or viewport');
  expect(box.x).toBeCloseTo(20, 0);
  expect(viewport.height - (box.y + box.height)).toBeCloseTo(20, 0);
  expect(box.height).toBeLessThan(80); // the host's 40px fonts, line-height 3 and margins did not get in
  expect(
    await WebsiteWidget.style(launcher, 'background-color', 'color', 'border-top-style', 'font-size'),
  ).toEqual({
    'background-color': 'rgb(123, 31, 162)',
    color: 'rgb(255, 245, 225)',
    'border-top-style': 'none',
    'font-size': '15px',
  });
}

async function expectNoHostCssInside(widget: WebsiteWidget, operatorName: string): Promise<void> {
  await expect(widget.panel()).toBeVisible();
  const name = widget.panel().getByText(operatorName, { exact: true });
  const style = await WebsiteWidget.style(
    name,
    'color',
    'font-size',
    'letter-spacing',
    'background-color',
    'margin-top',
  );
  expect(style.color).not.toBe('rgb(255, 0, 0)');
  expect(style['font-size']).not.toBe('40px');
  expect(style['letter-spacing']).toBe('normal');
  expect(style['background-color']).not.toBe('rgb(255, 255, 0)');
  expect(style['margin-top']).toBe('0px');
  const link = widget.operator(operatorName);
  expect((await WebsiteWidget.style(link, 'text-decoration-line')).textDecorationLine).not.toBe(
    'line-through',
  );
  expect(await WebsiteWidget.style(widget.panel(), 'background-color', 'display')).toEqual({
    'background-color': 'rgb(255, 255, 255)',
    display: 'flex',
  });
}

let site: HostSite | null = null;

test.afterEach(async () => {
  await site?.close();
  site = null;
});

test('the hosted snippet on another website: corner, colours, operators by the clock, wa.me link', async ({
  page,
  app,
}) => {
  const { hosted } = await createWidget(app);
  expect(hosted).toContain(`src="${app.url}/widget.js"`);
  site = await serveHostSite(hostPageHtml(hosted));
  expect(new URL(site.url).origin).not.toBe(new URL(app.url).origin);

  // Friday 10:00 in Berlin.
  await page.clock.setFixedTime(new Date('2025-06-06T08:00:00Z'));
  await page.goto(site.url);
  const widget = new WebsiteWidget(page, 'Schreib uns');
  await expectLauncherLooksRight(page, widget);
  await expect(widget.panel()).toBeHidden();

  await widget.launcher().click();
  await expect(widget.panel()).toBeVisible();
  await expect(widget.panel()).toContainText('Hallo! Wer soll dir helfen?');
  await expect(widget.operatorLinks()).toHaveCount(1);
  const anna = widget.operator('Anna Schmidt');
  await expect(anna).toHaveAttribute(
    'href',
    `https://wa.me/491701234567?text=${encodeURIComponent(PREFILL)}`,
  );
  await expect(anna).toHaveAttribute('target', '_blank');
  await expectNoHostCssInside(widget, 'Anna Schmidt');
  // The host page's own elements did get the hostile styles, so the comparison above means something.
  expect(
    (await WebsiteWidget.style(page.getByRole('heading', { name: 'Bäckerei Sonne' }), 'color')).color,
  ).toBe('rgb(255, 0, 0)');
  await page.screenshot({ path: test.info().outputPath('host-page-widget-open.png') });

  // Saturday 01:30 in Berlin: only Friday's range past midnight applies.
  await page.keyboard.press('Escape');
  await expect(widget.panel()).toBeHidden();
  await page.clock.setFixedTime(new Date('2025-06-06T23:30:00Z'));
  await widget.launcher().click();
  await expect(widget.operatorLinks()).toHaveCount(1);
  await expect(widget.operator('Ben Okafor')).toHaveAttribute('href', 'https://wa.me/491707654321');
});

test('the self-contained snippet works with Chatdock switched off', async ({ page, app }) => {
  const { selfContained } = await createWidget(app);
  await app.stop();
  site = await serveHostSite(hostPageHtml(selfContained));
  const appRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(app.url)) appRequests.push(request.url());
  });

  // Sunday 12:00 in Berlin.
  await page.clock.setFixedTime(new Date('2025-06-08T10:00:00Z'));
  await page.goto(site.url);
  const widget = new WebsiteWidget(page, 'Schreib uns');
  await expectLauncherLooksRight(page, widget);
  await widget.launcher().click();
  await expect(widget.operatorLinks()).toHaveCount(1);
  await expect(widget.operator('Dara Lee')).toHaveAttribute(
    'href',
    'https://wa.me/442079460958?text=Hi%20Dara!',
  );
  await expectNoHostCssInside(widget, 'Dara Lee');

  // Monday 07:00 in Berlin: nobody yet; the note says when someone is back, in the visitor's clock.
  await widget.launcher().click();
  await page.clock.setFixedTime(new Date('2025-06-09T05:00:00Z'));
  await widget.launcher().click();
  await expect(widget.offlineNote()).toContainText('Back today at 09:00');
  await expect(widget.operatorLinks()).toHaveCount(0);
  expect(appRequests).toEqual([]);
});

test('on an Arabic website the widget speaks Arabic and mirrors', async ({ page, app }) => {
  const { selfContained } = await createWidget(app);
  site = await serveHostSite(hostPageHtml(selfContained, { lang: 'ar', dir: 'rtl' }));

  // Monday 07:00 in Berlin: nobody yet; the note says when someone is back, in Arabic.
  await page.clock.setFixedTime(new Date('2025-06-09T05:00:00Z'));
  await page.goto(site.url);
  const widget = new WebsiteWidget(page, 'Schreib uns');
  await widget.launcher().click();
  await expect(widget.panel()).toContainText('لا يوجد أحد متاح الآن.');
  await expect(widget.panel()).toContainText('نعود اليوم الساعة');
  await expect(widget.panel()).not.toContainText(/Nobody|Back|today/);
  await expect(widget.root.getByRole('button', { name: 'إغلاق الدردشة' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('widget-ar-offline.png') });

  // The owner placed it at the start of the line: in a right-to-left page that is the right corner.
  const box = await widget.launcher().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no launcher box or viewport');
  expect(box.x + box.width).toBeCloseTo(viewport.width - 20, 0);

  // Friday 10:00: Anna is available, announced in Arabic to screen readers too.
  await widget.launcher().click();
  await page.clock.setFixedTime(new Date('2025-06-06T08:00:00Z'));
  await widget.launcher().click();
  await expect(widget.panel()).toContainText('متاحون الآن');
  await expect(widget.operator('Anna Schmidt')).toHaveAccessibleName(/يفتح واتساب في علامة تبويب جديدة/);
  await page.screenshot({ path: test.info().outputPath('widget-ar-available.png') });
});

test('the editor: create with live preview, server errors beside the field, snippets', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await new Shell(page).goTo('Widget');

  const editor = new WidgetEditorPage(page);
  await expect(editor.emptyState()).toBeVisible();
  await editor.createButton().click();
  await expect(page).toHaveURL(/\/widget\/new$/);
  await expect(editor.timeZone()).toHaveValue('Europe/Berlin');

  await editor.field('Business name').fill('Café Sonne');
  const preview = editor.preview();
  await expect(preview.launcher()).toBeVisible();
  await expect(preview.panel()).toContainText('Café Sonne');
  expect((await WebsiteWidget.style(preview.launcher(), 'background-color'))['background-color']).toBe(
    'rgb(37, 211, 102)',
  );
  await editor.colourHex().fill('#aa0000');
  await expect
    .poll(async () => (await WebsiteWidget.style(preview.launcher(), 'background-color'))['background-color'])
    .toBe('rgb(170, 0, 0)');
  await editor.field('Button message').fill('Write to us');
  await expect(editor.preview('Write to us').launcher()).toBeVisible();

  await editor.addOperator().click();
  const operator = editor.operator(0);
  await operator.getByLabel('Name', { exact: true }).fill('Anna');
  await operator.getByLabel('WhatsApp number').fill('0170 1234567');
  await operator.getByLabel('Prefilled message').fill('Hallo Anna!');

  // The server rejects what the form let through, and says so beside the field.
  await editor.colourHex().fill('#aa00');
  await editor.save().click();
  await expect(editor.formAlert()).toContainText('Not saved');
  await expect(editor.colourHex()).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.colourHex()).toHaveAccessibleDescription('must be #rrggbb');
  await expect(editor.colourHex()).toBeFocused();
  await editor.colourHex().fill('#aa0000');
  await expect(editor.colourHex()).not.toHaveAttribute('aria-invalid', 'true');

  await editor.save().click();
  const number = operator.getByLabel('WhatsApp number');
  await expect(number).toHaveAccessibleDescription(/must be a phone number in international format/);
  expect((await api<{ items: unknown[] }>(app, '/api/v1/widgets')).items).toEqual([]);
  await number.fill('+49 170 1234567');

  await editor.save().click();
  await expect(page).toHaveURL(/\/widget\/w_[0-9a-f]{16}$/);
  await expect(editor.status()).toBeVisible();
  const id = /\/widget\/(w_[0-9a-f]+)$/.exec(page.url())?.[1] ?? '';
  await expect(number).toHaveValue('491701234567');

  await expect(editor.hostedSnippet()).toHaveValue(
    `<script defer data-widget="${id}" src="${app.url}/widget.js"></script>`,
  );
  await expect(editor.selfContainedSnippet()).toHaveValue(
    /window\.ChatdockWidgetConfig = \{.*"businessName":"Café Sonne"/,
  );
  await editor.copyButton('hosted').click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(
    await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText()),
  ).toContain(`data-widget="${id}"`);
  await expect(editor.testPageLink()).toHaveAttribute('href', `${app.url}/widget-test/${id}`);
  await page.screenshot({ path: test.info().outputPath('editor.png'), fullPage: true });

  const stored = await api<{ color: string; buttonMessage: string; operators: { prefill: string }[] }>(
    app,
    `/api/v1/widgets/${id}`,
  );
  expect(stored).toMatchObject({
    color: '#aa0000',
    buttonMessage: 'Write to us',
    operators: [{ prefill: 'Hallo Anna!' }],
  });

  // The local test page embeds the hosted snippet.
  await page.goto(`${app.url}/widget-test/${id}`);
  const onTestPage = new WebsiteWidget(page, 'Write to us');
  await expect(onTestPage.launcher()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('test-page.png') });

  // Deleting asks first, then returns to the (now empty) list.
  await page.goto(`${app.url}/widget/${id}`);
  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Café Sonne?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await confirm.getByRole('button', { name: 'Delete widget' }).click();
  await expect(page).toHaveURL(/\/widget$/);
  await expect(editor.emptyState()).toBeVisible();
  expect((await api<{ items: unknown[] }>(app, '/api/v1/widgets')).items).toEqual([]);
});
