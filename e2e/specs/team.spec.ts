import type { Browser, Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { AREAS, Shell } from '../pages/shell.js';
import { PermissionsEditor, TeamPage } from '../pages/team-page.js';
import { expect, test } from '../support/fixtures.js';
import type { RunningApp } from '../support/app-server.js';
import { rpc } from '../support/rpc.js';

const OWNER = { name: 'Olivia Owner', login: 'olivia', password: 'olivia-secret-1' };
const AGENT = { name: 'Dana Agent', login: 'dana', password: 'dana-secret-22' };

async function signInOwner(page: Page, app: RunningApp): Promise<void> {
  const login = new LoginPage(page);
  await login.open(app.url);
  // First run: nobody has an account; the admin key serves as the setup code.
  await login.setUpOwner(app.apiKey, OWNER);
  await expect(new Shell(page).nav().getByRole('button', { name: OWNER.name, exact: true })).toBeVisible();
}

async function agentWindow(browser: Browser, app: RunningApp, code: string): Promise<Page> {
  // A second browser: its own cookies, like the agent's own PC.
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signInWithCode(AGENT.login, code, AGENT.password);
  await expect(new Shell(page).nav()).toBeVisible();
  return page;
}

const sidebarLinks = (page: Page) => new Shell(page).nav().getByRole('list').getByRole('link');

test('the owner invites an agent, who signs in with the code, sees only their areas, and is signed out when disabled', async ({
  page,
  browser,
  app,
}) => {
  // A number exists (not linked: permissions need only the session).
  await rpc(app, 'sessions.create', { id: 'shop', name: 'Shop phone' });
  await signInOwner(page, app);
  // The owner sees every area.
  await expect(sidebarLinks(page)).toHaveText([...AREAS]);

  const team = new TeamPage(page);
  await team.open();
  await expect(team.person(OWNER.name)).toContainText('Active');

  // The same sign-in name again (case ignored) is refused beside the field.
  await page.getByRole('button', { name: 'Add a person' }).click();
  await team.addForm().getByLabel('Name', { exact: true }).fill('Someone');
  await team.addForm().getByLabel('Sign-in name').fill('OLIVIA');
  await team.addForm().getByRole('button', { name: 'Add', exact: true }).click();
  await expect(team.addForm().getByLabel('Sign-in name')).toHaveAttribute('aria-invalid', 'true');
  await expect(team.addForm().getByRole('alert')).toHaveText(/already taken/);
  await team.addForm().getByRole('button', { name: 'Cancel' }).click();

  const code = await team.invite({ name: AGENT.name, login: AGENT.login, role: 'Agent' });
  expect(code).not.toBe('');
  await expect(team.person(AGENT.name)).toContainText('Invited');

  // The agent signs in in their own browser with the code and chooses a password.
  const agent = await agentWindow(browser, app, code);
  await expect(sidebarLinks(agent)).toHaveText(['Inbox']);
  await expect(new Shell(agent).nav().getByRole('button', { name: AGENT.name, exact: true })).toBeVisible();

  // A deep link to an owner's area says it is not for their role.
  await agent.goto(`${app.url}/sessions`);
  await expect(agent.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
  await agent.getByRole('link', { name: 'Go to the inbox' }).click();
  await expect(agent).toHaveURL(/\/inbox$/);

  // The owner lets the agent use the number with tags: the agent's sidebar follows without a reload.
  await team.openNumber('Shop phone');
  const editor = new PermissionsEditor(page);
  await editor.add(`Agent: ${AGENT.name}`);
  await editor
    .row(AGENT.name)
    .getByRole('checkbox', { name: `Tags: ${AGENT.name}` })
    .check();
  await editor.save();
  await expect(sidebarLinks(agent)).toHaveText(['Inbox', 'Tags']);

  // Their profile lists this browser as theirs.
  await new Shell(agent).nav().getByRole('button', { name: AGENT.name, exact: true }).click();
  await agent.getByRole('menuitem', { name: 'Profile' }).click();
  await expect(agent.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(agent.getByText('This browser', { exact: true })).toBeVisible();

  // Disabled by the owner: the agent's window returns to the sign-in page and says why.
  await page.getByRole('link', { name: '← Team' }).click();
  await expect(team.person(AGENT.name)).toContainText('Active');
  await team.person(AGENT.name).getByRole('button', { name: 'Disable' }).click();
  await expect(team.person(AGENT.name)).toContainText('Disabled');
  const agentLogin = new LoginPage(agent);
  await expect(agentLogin.heading()).toBeVisible();
  await expect(agentLogin.error()).toContainText('You were signed out');

  // And the password no longer opens the door.
  await agentLogin.signInAs(AGENT.login, AGENT.password);
  await expect(agentLogin.error()).toContainText('Wrong sign-in name or password');
});

test('the owner cannot demote the last owner: the refusal shows beside the role', async ({ page, app }) => {
  await signInOwner(page, app);
  const team = new TeamPage(page);
  await team.open();
  const row = team.person(OWNER.name);
  await row.getByRole('combobox', { name: `Role of ${OWNER.name}` }).selectOption({ label: 'Agent' });
  await expect(row.getByRole('alert')).toContainText('the last one');
  await expect(row.getByRole('combobox', { name: `Role of ${OWNER.name}` })).toHaveValue('owner');
});

test('deleting a person asks the owner for their password again; a wrong one is said beside the field', async ({
  page,
  app,
}, testInfo) => {
  await signInOwner(page, app);
  const team = new TeamPage(page);
  await team.open();
  await team.invite({ name: AGENT.name, login: AGENT.login, role: 'Agent' });
  const row = team.person(AGENT.name);
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  const question = row.getByRole('alertdialog', { name: 'Delete' });
  const password = question.getByLabel('Your password');
  await expect(password).toBeFocused();

  // Nothing typed: asked for, beside the field, without a call.
  await question.getByRole('button', { name: 'Delete the person' }).click();
  await expect(question.getByRole('alert')).toContainText('Type your password to confirm');

  // A wrong password: the server refuses, the question stays open and says so beside the field.
  await password.fill('not my password');
  await password.press('Enter');
  await expect(question.getByRole('alert')).toHaveText('the password is not right');
  await expect(password).toHaveAttribute('aria-invalid', 'true');

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1366, 400]) {
      await page.setViewportSize({ width, height: width === 400 ? 800 : 768 });
      await expect(password).toBeVisible();
      // On a phone the people list stacks as cards: the question and its button stay on screen.
      for (const control of [password, question.getByRole('button', { name: 'Delete the person' })]) {
        const box = await control.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `${width}px: inside the window`).toBe(true);
      }
      await testInfo.attach(`confirm-password-${width}-${theme}`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  await password.fill(OWNER.password);
  await question.getByRole('button', { name: 'Delete the person' }).click();
  await expect(team.person(AGENT.name)).toHaveCount(0);

  // Both attempts are in the audit log, with who and how.
  const audit = await rpc(app, 'audit.list', { action: 'confirm.', limit: 10 });
  expect(audit.items.map((entry) => [entry.action, entry.actor.name])).toEqual([
    ['confirm.passed', OWNER.name],
    ['confirm.failed', OWNER.name],
  ]);
});
