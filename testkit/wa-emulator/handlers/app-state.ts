/**
 * App-state sync (`xmlns="w:sync:app:state"`): archive, pin, mute, read/unread, star, delete and
 * clear chat, the push name and other account settings travel between an account's devices as
 * encrypted patches the server keeps per collection (app-state/collections.ts).
 *
 *   client → <iq type="set" xmlns="w:sync:app:state"><sync>
 *              <collection name="regular_high" version="3" return_snapshot="false">[<patch>…</patch>]</collection>
 *            </sync></iq>
 *   server → <iq type="result"><sync>
 *              <collection name="regular_high" version="5"><patches><patch>…</patch>…</patches></collection>
 *            </sync></iq>
 *
 * After an upload every other device of the account gets
 * `<notification type="server_sync"><collection name version/></notification>` (Baileys then
 * syncs that collection and emits `chats.update`, `messages.update`, …), and the account's phone
 * applies the patch to its decoded view (app-state/phone-app-state.ts): a push-name change
 * becomes the account's name, as WhatsApp's servers learn it. The phone can also make changes
 * itself (`phoneChatModify`), which reach the linked devices the same way.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import {
  getBinaryNodeChild,
  getBinaryNodeChildren,
  proto,
  type ChatModification,
} from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { contentBytes, iqError, iqResult, node } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { warn } from '../debug.js';
import { AppStateCollections } from '../app-state/collections.js';
import { PhoneAppState, type AppStateEntry } from '../app-state/phone-app-state.js';
import { SERVER_JID, unixNow } from '../jids.js';

export class AppStateSync {
  readonly collections: AppStateCollections;
  private readonly phones = new Map<string, PhoneAppState>();
  /** Accounts whose uploads WhatsApp refuses for now (`refuseUploads`), with the iq error it answers. */
  private readonly refusals = new Map<string, { code: number; text: string }>();

  constructor(private readonly ctx: EmulatorContext) {
    this.collections = new AppStateCollections(ctx.store);
  }

  /** The phone's decoded view of an account's app-state (built from the stored patches). */
  phoneView(account: AccountRecord): PhoneAppState {
    let view = this.phones.get(account.phone);
    if (!view) {
      view = new PhoneAppState(account);
      this.phones.set(account.phone, view);
      for (const [name, patches] of Object.entries(account.appState ?? {})) {
        for (const bytes of patches) this.applyOnPhone(account, view, name, proto.SyncdPatch.decode(bytes));
      }
    }
    return view;
  }

  /** Waits until the phone has applied every patch it has been given so far. */
  async settled(account: AccountRecord): Promise<PhoneAppState> {
    const view = this.phoneView(account);
    await view.idle();
    return view;
  }

  /**
   * WhatsApp refusing an account's app-state uploads (a patch it will not take, or a server
   * error) until called again with null: it answers the upload's iq with an error, as it does
   * any iq it cannot serve, and stores nothing. Reads (syncs) still work.
   */
  refuseUploads(account: AccountRecord, error: { code: number; text: string } | null): void {
    if (error) this.refusals.set(account.phone, error);
    else this.refusals.delete(account.phone);
  }

  handleIq(session: DeviceSession, iq: BinaryNode): void {
    const { account } = session;
    const refusal = this.refusals.get(account.phone);
    const collections = getBinaryNodeChildren(getBinaryNodeChild(iq, 'sync'), 'collection');
    if (refusal && collections.some((collection) => getBinaryNodeChild(collection, 'patch'))) {
      session.conn.send(iqError(iq, refusal.code, refusal.text));
      return;
    }
    const answers: BinaryNode[] = [];
    for (const collection of collections) {
      const name = collection.attrs.name ?? '';
      const version = Number(collection.attrs.version ?? 0);
      const upload = contentBytes(getBinaryNodeChild(collection, 'patch'));
      if (upload) {
        const patch = this.collections.append(account, name, version, upload);
        if (!patch) {
          answers.push(
            node('collection', { name, type: 'error' }, [node('error', { code: '409', text: 'conflict' })]),
          );
          continue;
        }
        answers.push(node('collection', { name, version: String(version + 1) }));
        this.afterUpload(account, session.device.id, name, patch);
        continue;
      }
      const patches = this.collections.since(account, name, version);
      answers.push(
        node(
          'collection',
          { name, version: String(Math.max(version, this.collections.version(account, name))) },
          [
            node(
              'patches',
              {},
              patches.map((bytes) => node('patch', {}, bytes)),
            ),
          ],
        ),
      );
    }
    session.conn.send(iqResult(iq, [node('sync', {}, answers)]));
  }

  /** A change made on the account's phone (e.g. archive a chat there): stored, then synced. */
  async phoneChatModify(account: AccountRecord, mod: ChatModification, jid: string): Promise<void> {
    const view = this.phoneView(account);
    const encoded = await view.encode(mod, jid);
    const patch = this.collections.append(account, encoded.name, encoded.baseVersion, encoded.bytes);
    if (!patch) throw new Error(`app-state ${encoded.name} moved while the phone encoded its change`);
    this.afterUpload(account, 0, encoded.name, patch);
    await this.settled(account);
  }

  private afterUpload(
    account: AccountRecord,
    fromDevice: number,
    name: string,
    patch: proto.SyncdPatch,
  ): void {
    this.applyOnPhone(account, this.phoneView(account), name, patch);
    const version = String(this.collections.version(account, name));
    this.ctx.hub.deliverToAccount(
      account,
      () =>
        node(
          'notification',
          { from: SERVER_JID, type: 'server_sync', id: newStanzaId('sync'), t: String(unixNow()) },
          [node('collection', { name, version })],
        ),
      fromDevice,
    );
  }

  private applyOnPhone(
    account: AccountRecord,
    view: PhoneAppState,
    name: string,
    patch: proto.ISyncdPatch,
  ): void {
    view
      .apply(name, patch, (entry) => this.onPhoneEntry(account, entry))
      .catch((error: unknown) => warn(`${account.phone}: the phone could not apply ${name}`, error));
  }

  /** What the server learns from the phone: the push name. */
  private onPhoneEntry(account: AccountRecord, entry: AppStateEntry): void {
    const name = entry.value.pushNameSetting?.name;
    if (entry.index[0] === 'setting_pushName' && name) this.ctx.store.setName(account, name);
  }
}

export function handleAppStateIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  ctx.appState.handleIq(session, iq);
}
