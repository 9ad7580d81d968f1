/** Records the emulator keeps (and persists to `stateDir/state.json` when one is given). */
import type { BinaryNode } from '@whiskeysockets/baileys';

export interface StoredKeyPair {
  public: Buffer;
  private: Buffer;
}

export interface SignedPreKeyRecord {
  id: number;
  public: Buffer;
  signature: Buffer;
}

export interface PreKeyRecord {
  id: number;
  public: Buffer;
}

/** A stanza waiting for the device to acknowledge it (or to come online). */
export interface OutboxEntry {
  tag: string;
  id: string;
  /** The receipt type, so a delivery and a read receipt for one id are acked separately. */
  type: string;
  node: BinaryNode;
}

/** A linked device (Baileys client). Its Signal key bundle is what `encrypt get <key>` hands out. */
export interface DeviceRecord {
  id: number;
  keyIndex: number;
  /** The client's static Noise key; logins are accepted only from the same key. */
  noiseKey: Buffer;
  registrationId: number;
  identityKey: Buffer;
  signedPreKey: SignedPreKeyRecord;
  preKeys: PreKeyRecord[];
  platform: string;
  pairedAt: number;
  /** Unset until the first login after linking (when a new device gets its history sync). */
  lastLoginAt?: number;
  outbox: OutboxEntry[];
}

export interface AccountRecord {
  /** Bare digits. */
  phone: string;
  /** LID user part (digits); every account has one, as on the real service. */
  lid: string;
  /** Push name (the `notify` attribute other users see). */
  name: string;
  /** The phone's identity key; it signs each linked device's ADV identity. */
  identity: StoredKeyPair;
  devices: DeviceRecord[];
  nextDeviceId: number;
  createdAt: number;
  /** The "about" text others see (usync `status`); unset: WhatsApp's default text. */
  about?: AboutRecord;
  /** The profile picture, if any; its bytes live on the media host. */
  picture?: PictureRecord;
  /**
   * App-state collections (`regular`, `regular_low`, `critical_block`, …): the encrypted
   * `SyncdPatch`es the account's devices uploaded, in version order (patch i is version i + 1).
   * The server cannot read them; it keeps and hands them out (app-state/collections.ts).
   */
  appState?: Record<string, Buffer[]>;
  /** Privacy settings changed from "all" (handlers/privacy-block.ts), by category. */
  privacy?: Record<string, string>;
  /** Phones this account blocked. */
  blocked?: string[];
  /** Set for WhatsApp Business accounts: what `w:biz` answers (handlers/business-profile.ts). */
  business?: BusinessProfileRecord;
}

export interface BusinessProfileRecord {
  description: string;
  address?: string;
  email?: string;
  websites: string[];
  category?: string;
  /** IANA zone and per-day configs as WhatsApp sends them (`day_of_week`, `mode`, open/close minutes). */
  hours?: { timezone: string; days: Array<Record<string, string>> };
}

export interface AboutRecord {
  /** Empty when the user cleared it. */
  text: string;
  /** Unix seconds. */
  setAt: number;
}

export interface PictureRecord {
  /** WhatsApp's picture id: a number as text, new for every change. */
  id: string;
  /**
   * Path and query on the media host (`/m/<blob>?oh=…&oe=…`, token-like parameters as WhatsApp's
   * URLs carry); the URL is built when asked, so it follows the media host's port.
   */
  directPath: string;
  /**
   * The full-size picture's path when it differs from the preview (`type="image"` queries);
   * without it both sizes are the same bytes.
   */
  fullDirectPath?: string;
}

export type GroupRole = 'superadmin' | 'admin' | null;

export interface GroupParticipantRecord {
  phone: string;
  role: GroupRole;
}

export interface GroupJoinRequestRecord {
  phone: string;
  /** Unix seconds. */
  time: number;
  method: 'invite_link';
}

export interface GroupRecord {
  /** User part of the group jid (`…@g.us`). */
  id: string;
  subject: string;
  subjectOwner: string;
  subjectTime: number;
  creation: number;
  creator: string;
  description?: { id: string; text: string; owner: string; time: number };
  participants: GroupParticipantRecord[];
  inviteCode: string;
  announce: boolean;
  restrict: boolean;
  ephemeral: number;
  /** Admins approve who joins by link (WhatsApp's "Approve new participants"). */
  joinApproval?: boolean;
  /** People who asked to join by link while approval was on, oldest first. */
  joinRequests?: GroupJoinRequestRecord[];
  /**
   * How WhatsApp names this group's participants: by phone number (`pn`, older groups) or by
   * LID with the phone number beside it (`lid`, what WhatsApp now creates).
   */
  addressing?: 'pn' | 'lid';
  /** The group photo, if an admin set one; its bytes live on the media host. */
  picture?: PictureRecord;
}

/** One post of a channel, as the server keeps it (handlers/newsletters.ts). */
export interface NewsletterPostRecord {
  /** The channel's own sequence number for the post (`server_id`). */
  serverId: number;
  /** The message id the owner's client chose. */
  id: string;
  /** Unix seconds. */
  t: number;
  /** The stanza's `type` (`text`, `media`, …) and `mediatype`, forwarded to followers. */
  type: string;
  mediatype?: string;
  /** The encoded `proto.Message` (channels are not end-to-end encrypted). */
  plaintext: Buffer;
  /** Each reacting account's emoji, by phone. */
  reactions: Record<string, string>;
}

/** A channel (newsletter, `…@newsletter`). */
export interface NewsletterRecord {
  /** User part of the jid. */
  id: string;
  name: string;
  description: string;
  /** The invite code in `https://whatsapp.com/channel/<code>`. */
  inviteCode: string;
  /** The owner's phone. */
  owner: string;
  /** Unix seconds. */
  creation: number;
  /** Phones following the channel (the owner is not one). */
  followers: string[];
  /** Phones that muted it. */
  muted: string[];
  posts: NewsletterPostRecord[];
  nextServerId: number;
}

export interface EmulatorState {
  version: 1;
  accounts: Record<string, AccountRecord>;
  groups: Record<string, GroupRecord>;
  /** Channels (absent in state files written before they existed). */
  newsletters?: Record<string, NewsletterRecord>;
}
