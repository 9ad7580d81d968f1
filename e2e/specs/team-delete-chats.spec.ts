/**
 * Deleting a team or a person who still has open chats (issue #16): the delete question says how
 * many and asks where they go (people, teams, Unassigned); the chats move with the delete. The
 * question at 1366 and 400 px in both themes (screenshots attached).
 */
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { TeamPage } from '../pages/team-page.js';
import { expect, test } from '../support/fixtures.js';
import { rpc } from '../support/rpc.js';

const OWNER = { name: 'Olivia Owner', login: 'olivia', password: 'olivia-secret-1' };
const CHATS = ['972501112233@s.whatsapp.net', '972501112244@s.whatsapp.net'];

test('deleting a team or a person asks where their open chats go, and moves them', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  // First run: the owner is set up before anyone else exists.
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.setUpOwner(app.apiKey, OWNER);
  await expect(new Shell(page).nav().getByRole('button', { name: OWNER.name, exact: true })).toBeVisible();
  await rpc(app, 'sessions.create', { id: 'shop', name: 'Shop' });
  // An imported contact with a note gets a chat (no WhatsApp needed for this screen).
  const imported = await fetch(`${app.url}/api/v1/contacts/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiKey}` },
    body: JSON.stringify({
      session: 'shop',
      csv: `Phone,Note\n+${CHATS[0]!.split('@')[0]},first\n+${CHATS[1]!.split('@')[0]},second`,
      phoneColumn: 'Phone',
      notesColumn: 'Note',
    }),
  });
  expect(imported.status).toBe(200);
  const sales = await rpc(app, 'teams.create', { name: 'Sales' });
  const support = await rpc(app, 'teams.create', { name: 'Support' });
  const agent = await rpc(app, 'users.create', {
    name: 'Dana Agent',
    login: 'dana',
    role: 'admin',
    password: 'dana-secret-22',
  });
  await rpc(app, 'assignment.assign', { session: 'shop', chat: CHATS[0]!, team: sales.id });
  await rpc(app, 'assignment.assign', { session: 'shop', chat: CHATS[1]!, user: agent.user.id });

  const team = new TeamPage(page);
  await team.open();

  // The team: one open chat, moved to Support.
  const card = page.getByRole('form', { name: 'Team Sales' });
  await card.getByRole('button', { name: 'Delete team' }).click();
  const question = card.getByRole('alertdialog', { name: 'Delete team' });
  const where = question.getByLabel('1 open chat is assigned to Sales — move them to:');
  await expect(where).toHaveValue('unassigned');
  await where.selectOption({ label: 'Support' });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1366, 400]) {
      await page.setViewportSize({ width, height: width === 400 ? 800 : 768 });
      // Centred: at the window's edge a sub-pixel scroll position can cut the picker's top line.
      await where.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      // Whole, not cut at the side: the picker fits a phone's width too.
      await expect(where).toBeInViewport({ ratio: 1 });
      const name = `delete-team-move-chats-${width}-${theme}`;
      const file = testInfo.outputPath(`${name}.png`);
      await page.screenshot({ path: file });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await question.getByRole('button', { name: 'Delete the team' }).click();
  await expect(page.getByRole('form', { name: 'Team Sales' })).toHaveCount(0);
  const moved = await rpc(app, 'assignment.get', { session: 'shop', chat: CHATS[0]! });
  expect(moved.assignee.team).toEqual({ id: support.id, name: 'Support' });
  const history = await rpc(app, 'assignment.history', { session: 'shop', chat: CHATS[0]! });
  expect(history.items[0]).toMatchObject({ reason: 'team_deleted', actor: { name: OWNER.name } });

  // The person (asked for the password too): her chat goes to the team Support.
  const row = team.person('Dana Agent');
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = row.getByRole('alertdialog', { name: 'Delete' });
  const destination = confirm.getByLabel('1 open chat is assigned to Dana Agent — move them to:');
  await destination.selectOption({ label: 'Support' });
  await confirm.getByLabel('Your password').fill(OWNER.password);
  await confirm.getByRole('button', { name: 'Delete the person' }).click();
  await expect(team.person('Dana Agent')).toHaveCount(0);
  const hers = await rpc(app, 'assignment.get', { session: 'shop', chat: CHATS[1]! });
  expect(hers.assignee).toEqual({ user: null, team: { id: support.id, name: 'Support' } });
});
