import type { Page } from '@playwright/test';
import { Customer } from '../../testkit/wa-emulator/customer.js';
import type { Emulator } from '../../testkit/wa-emulator/index.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { startApp, type RunningApp } from './app-server.js';
import { expect } from './fixtures.js';
import { linkSession, restCall } from './rpc.js';

interface Person {
  phone: string;
  name: string;
}

/** A group chat of a linked number, open in the inbox with its info panel (see `openGroupChat`). */
export interface OpenGroupChat {
  app: RunningApp;
  /** The group's members besides the shop, then the customers who are not in it, as asked. */
  members: Customer[];
  outsiders: Customer[];
  groupJid: string;
  inbox: InboxPage;
  /** The group as the local WhatsApp server holds it (what every phone sees). */
  emulated(): ReturnType<Emulator['groups']>[number] | undefined;
  /** Closes the customers' phones and stops the app. */
  close(): Promise<void>;
}

/**
 * The common start of the group specs (issue #19): a fresh app with the number `shopPhone`
 * linked, a group it creates with `members`, the first member's `firstMessage` in it, and the
 * admin signed in with the group's chat and info panel open. Real Baileys on every side.
 * Whatever fails half-way, what was started is stopped again.
 */
export async function openGroupChat(
  page: Page,
  wa: { readonly emulator: Emulator; readonly env: Record<string, string> },
  setup: {
    shopPhone: string;
    subject: string;
    members: Person[];
    outsiders?: Person[];
    firstMessage: string;
  },
): Promise<OpenGroupChat> {
  const app = await startApp({ env: wa.env });
  const customers: Customer[] = [];
  const close = async () => {
    await Promise.all(customers.map((customer) => customer.close()));
    await app.stop();
  };
  try {
    for (const person of [...setup.members, ...(setup.outsiders ?? [])])
      customers.push(await Customer.create(wa.emulator, person));
    const members = customers.slice(0, setup.members.length);
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: setup.shopPhone });
    const created = await restCall(app, 'POST', '/sessions/shop/groups', {
      subject: setup.subject,
      participants: members.map((member) => member.phone),
    });
    const groupJid = String(created.body.jid);
    await members[0]?.sendText(groupJid, setup.firstMessage);

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
    const inbox = new InboxPage(page);
    await inbox.chat(setup.subject).click();
    await inbox.openContactPanel();
    await expect(inbox.contactPanel()).toBeVisible();
    return {
      app,
      members,
      outsiders: customers.slice(setup.members.length),
      groupJid,
      inbox,
      emulated: () => wa.emulator.groups().find((group) => group.jid === groupJid),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
