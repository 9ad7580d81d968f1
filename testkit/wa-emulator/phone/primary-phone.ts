/**
 * The simulated primary phone of an account (device 0). Like WhatsApp's phone it has a Signal
 * identity of its own: others encrypt every message for it too (it is listed in usync and hands
 * out key bundles), and so do the account's linked devices for what they send. It keeps the
 * content of every message it could decrypt, and answers a linked device's placeholder-resend
 * request (a peer data operation: "send me the content of message X, I could not decrypt it")
 * with that content, as the phone does for WhatsApp Web.
 *
 * The Signal work is Baileys' own (its libsignal repository over an in-memory key store), the
 * same code the clients run. State is in memory only: after an emulator restart the phone has a
 * new identity and knows no content.
 */
import {
  addTransactionCapability,
  BufferJSON,
  generateSignalPubKey,
  getNextPreKeys,
  initAuthCreds,
  proto,
  signedKeyPair,
  unpadRandomMax16,
  writeRandomPadMax16,
  type AuthenticationState,
  type BinaryNode,
  type SignalDataSet,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
// Baileys' Signal repository is not part of its public index; the file is its own (stable in rc14).
import { makeLibSignalRepository } from '@whiskeysockets/baileys/lib/Signal/libsignal.js';
import { pino } from 'pino';

import type { DeviceRecord, PreKeyRecord, SignedPreKeyRecord, StoredKeyPair } from '../accounts/types.js';

/** One-time prekeys kept on offer; more are made when fewer are left. */
const PRE_KEYS = 50;
/** Message contents kept for resend requests (oldest dropped first). */
const KEPT_MESSAGES = 20_000;

/** Who sent a stanza to the phone. */
export interface Sender {
  /** The sending device as a LID device jid (its Signal address here). */
  address: string;
  /** The sender's chat jid (phone number), for what the phone keeps. */
  chat: string;
  /** One of the phone's own account's linked devices. */
  own: boolean;
}

export interface PhoneBundle {
  registrationId: number;
  identityKey: Buffer;
  signedPreKey: SignedPreKeyRecord;
  preKey?: PreKeyRecord;
}

/** What the phone keeps of a message, as a WebMessageInfo for a resend. */
interface KeptMessage {
  key: proto.IMessageKey;
  message: proto.IMessage;
  messageTimestamp: number;
  pushName?: string;
}

type SignalRepository = ReturnType<typeof makeLibSignalRepository>;

const silent = pino({ level: 'silent' });

/** A SignalKeyStore over a map (values kept as BufferJSON text, like a database would). */
function memoryKeys(): SignalKeyStore {
  const data = new Map<string, string>();
  return {
    get: async (type, ids) => {
      const found: Record<string, unknown> = {};
      for (const id of ids) {
        const text = data.get(`${type}/${id}`);
        if (text === undefined) continue;
        const value: unknown = JSON.parse(text, BufferJSON.reviver);
        found[id] =
          type === 'app-state-sync-key'
            ? proto.Message.AppStateSyncKeyData.fromObject(value as object)
            : value;
      }
      return found as never;
    },
    set: async (set: SignalDataSet) => {
      for (const [type, entries] of Object.entries(set)) {
        for (const [id, value] of Object.entries(entries ?? {})) {
          if (value === null || value === undefined) data.delete(`${type}/${id}`);
          else data.set(`${type}/${id}`, JSON.stringify(value, BufferJSON.replacer));
        }
      }
    },
  };
}

export class PrimaryPhone {
  private readonly auth: AuthenticationState;
  private readonly signal: SignalRepository;
  /** Prekeys on offer (public halves), oldest first; the private halves are in the key store. */
  private offered: PreKeyRecord[] = [];
  private readonly kept = new Map<string, KeptMessage>();
  /** Decryptions and replies one at a time, in arrival order (like a device's message queue). */
  private queue: Promise<void> = Promise.resolve();

  /** `identity`: the account's identity key, which real phones use as device 0's Signal identity. */
  constructor(
    readonly phone: string,
    identity: StoredKeyPair,
  ) {
    const signedIdentityKey = {
      public: Buffer.from(identity.public),
      private: Buffer.from(identity.private),
    };
    const creds = {
      ...initAuthCreds(),
      signedIdentityKey,
      signedPreKey: signedKeyPair(signedIdentityKey, 1),
    };
    const keys = addTransactionCapability(memoryKeys(), silent, {
      maxCommitRetries: 1,
      delayBetweenTriesMs: 0,
    });
    this.auth = { creds, keys };
    this.signal = makeLibSignalRepository(this.auth, silent, async () => undefined);
  }

  /** A key bundle for a sender that has no session with the phone yet (consumes one prekey). */
  async bundle(): Promise<PhoneBundle> {
    if (this.offered.length < 5) await this.makePreKeys();
    const { creds } = this.auth;
    return {
      registrationId: creds.registrationId,
      identityKey: Buffer.from(creds.signedIdentityKey.public),
      signedPreKey: {
        id: creds.signedPreKey.keyId,
        public: Buffer.from(creds.signedPreKey.keyPair.public),
        signature: Buffer.from(creds.signedPreKey.signature),
      },
      preKey: this.offered.shift(),
    };
  }

  /**
   * A `<message>` addressed to the phone: decrypts its `<enc>` (skipped silently when it
   * cannot) and keeps the content; a placeholder-resend request from one of the account's
   * devices is answered through `reply`. `sender` names the sending device by its LID, whatever
   * addressing the stanza used, so one device always has one Signal session here.
   */
  receive(stanza: BinaryNode, sender: Sender, reply: (to: string, stanza: BinaryNode) => void): void {
    this.queue = this.queue
      .then(() => this.handle(stanza, sender, reply))
      .catch(() => {
        // A message the phone cannot decrypt is simply not kept (the real phone would ask again).
      });
  }

  /**
   * Encrypts `plaintext` as the phone for one of the account's linked devices (`address`: its LID
   * device jid), setting a session up from the device's registered bundle if there is none.
   */
  async encryptFor(address: string, device: DeviceRecord, plaintext: Uint8Array): Promise<BinaryNode> {
    const run = async () => {
      const { exists } = await this.signal.validateSession(address);
      if (!exists) {
        await this.signal.injectE2ESession({
          jid: address,
          session: {
            registrationId: device.registrationId,
            identityKey: Buffer.from(generateSignalPubKey(device.identityKey)),
            signedPreKey: {
              keyId: device.signedPreKey.id,
              publicKey: Buffer.from(generateSignalPubKey(device.signedPreKey.public)),
              signature: device.signedPreKey.signature,
            },
            preKey: undefined as never,
          },
        });
      }
      const { type, ciphertext } = await this.signal.encryptMessage({ jid: address, data: plaintext });
      return { tag: 'enc', attrs: { v: '2', type }, content: Buffer.from(ciphertext) };
    };
    const result = this.queue.then(run);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** The kept content of a message, by id (for tests). */
  contentOf(id: string): proto.IMessage | undefined {
    return this.kept.get(id)?.message;
  }

  private async makePreKeys(): Promise<void> {
    const { preKeys, update } = await getNextPreKeys(this.auth, this.offered.length + PRE_KEYS);
    Object.assign(this.auth.creds, update);
    const known = new Set(this.offered.map((key) => key.id));
    for (const [id, pair] of Object.entries(preKeys)) {
      if (!known.has(Number(id))) this.offered.push({ id: Number(id), public: Buffer.from(pair.public) });
    }
  }

  private async handle(
    stanza: BinaryNode,
    sender: Sender,
    reply: (to: string, stanza: BinaryNode) => void,
  ): Promise<void> {
    const from = sender.address;
    const id = stanza.attrs.id;
    const enc = Array.isArray(stanza.content)
      ? stanza.content.find(
          (child) => child.tag === 'enc' && (child.attrs.type === 'pkmsg' || child.attrs.type === 'msg'),
        )
      : undefined;
    if (!from || !id || !enc || !(enc.content instanceof Uint8Array)) return;
    const plaintext = await this.signal.decryptMessage({
      jid: from,
      type: enc.attrs.type as 'pkmsg' | 'msg',
      ciphertext: Buffer.from(enc.content),
    });
    const decoded = proto.Message.decode(unpadRandomMax16(plaintext));
    const ownDevice = sender.own;
    // What one of the account's linked devices sends comes wrapped for the phone (and for the
    // device's siblings): the message, and the chat it went to.
    const sent = ownDevice ? decoded.deviceSentMessage : undefined;
    const message = sent?.message ? proto.Message.create(sent.message) : decoded;
    const request = message.protocolMessage?.peerDataOperationRequestMessage;
    if (request && ownDevice) {
      await this.answer(from, id, request, reply);
      return;
    }
    const chat = sent?.destinationJid ?? stanza.attrs.recipient ?? sender.chat;
    this.keep(id, {
      key: { remoteJid: chat, fromMe: ownDevice, id },
      message,
      messageTimestamp: Number(stanza.attrs.t ?? Math.floor(Date.now() / 1000)),
      ...(stanza.attrs.notify && !ownDevice ? { pushName: stanza.attrs.notify } : {}),
    });
  }

  private keep(id: string, message: KeptMessage): void {
    this.kept.set(id, message);
    if (this.kept.size > KEPT_MESSAGES) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
  }

  /** Answers a placeholder-resend request with the content of every requested message it has. */
  private async answer(
    device: string,
    requestId: string,
    request: proto.Message.IPeerDataOperationRequestMessage,
    reply: (to: string, stanza: BinaryNode) => void,
  ): Promise<void> {
    const Type = proto.Message.PeerDataOperationRequestType;
    if (request.peerDataOperationRequestType !== Type.PLACEHOLDER_MESSAGE_RESEND) return;
    const results = (request.placeholderMessageResendRequest ?? []).flatMap((item) => {
      const kept = item.messageKey?.id ? this.kept.get(item.messageKey.id) : undefined;
      if (!kept) return [];
      const info = proto.WebMessageInfo.fromObject({
        key: {
          ...kept.key,
          ...(item.messageKey?.participant ? { participant: item.messageKey.participant } : {}),
        },
        message: kept.message,
        messageTimestamp: kept.messageTimestamp,
        ...(kept.pushName ? { pushName: kept.pushName } : {}),
      });
      return [
        {
          placeholderMessageResendResponse: {
            webMessageInfoBytes: proto.WebMessageInfo.encode(info).finish(),
          },
        },
      ];
    });
    if (!results.length) return;
    const response = proto.Message.encode({
      protocolMessage: {
        type: proto.Message.ProtocolMessage.Type.PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE,
        peerDataOperationRequestResponseMessage: {
          peerDataOperationRequestType: Type.PLACEHOLDER_MESSAGE_RESEND,
          stanzaId: requestId,
          peerDataOperationResult: results,
        },
      },
    }).finish();
    const { type, ciphertext } = await this.signal.encryptMessage({
      jid: device,
      data: writeRandomPadMax16(Buffer.from(response)),
    });
    reply(device, { tag: 'enc', attrs: { v: '2', type }, content: ciphertext });
  }
}
