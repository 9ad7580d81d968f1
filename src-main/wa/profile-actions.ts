/**
 * A number's own profile on WhatsApp, in domain terms (issue #19). The push name is changed as
 * an app-state patch (`critical_block`, Baileys `updateProfileName`), so it needs the app-state
 * key the phone shares after linking; the about text, the photo and the business profile are
 * plain queries. Refusals become AppErrors (`wa-errors.ts`).
 */
import { jidNormalizedUser, type WASocket } from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import type { BusinessProfile } from '../../src-shared/contract/number-profile.js';
import type { WaSessionManager } from './session-manager.js';
import { callWhatsApp } from './wa-errors.js';

/** WhatsApp answers 404 (item-not-found) when there is no photo. */
const NO_PICTURE = 404;
const QUERY_TIMEOUT_MS = 15_000;

export interface OwnProfile {
  jid: string;
  name: string | null;
  about: string | null;
  hasPicture: boolean;
  business: BusinessProfile | null;
}

export interface BusinessProfileChange {
  description?: string;
  address?: string;
  email?: string;
  websites?: string[];
}

export class WaProfileActions {
  constructor(private readonly manager: WaSessionManager) {}

  private socket(sessionId: string): { socket: WASocket; jid: string } {
    const socket = this.manager.socket(sessionId);
    const id = socket?.user?.id;
    if (!socket || !id) {
      throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected to WhatsApp`);
    }
    return { socket, jid: jidNormalizedUser(id) };
  }

  async read(sessionId: string): Promise<OwnProfile> {
    const { socket, jid } = this.socket(sessionId);
    const [about, hasPicture, business] = await Promise.all([
      this.about(socket, jid),
      this.hasPicture(socket, jid),
      callWhatsApp(() => socket.getBusinessProfile(jid)),
    ]);
    return {
      jid,
      // Not `socket.user`: Baileys copies that getter's value when it builds the socket, so it
      // never shows a later name; the creds object is the live one.
      name: socket.authState.creds.me?.name || null,
      about,
      hasPicture,
      business: business ? toBusinessProfile(business) : null,
    };
  }

  async setName(sessionId: string, name: string): Promise<void> {
    const { socket } = this.socket(sessionId);
    // Baileys applies its own patch (emitOwnEvents): creds.me.name follows and the runner saves it.
    await callWhatsApp(() => socket.updateProfileName(name), 'name');
  }

  async setAbout(sessionId: string, about: string): Promise<void> {
    const { socket } = this.socket(sessionId);
    await callWhatsApp(() => socket.updateProfileStatus(about), 'about');
  }

  /** Sets the photo (WhatsApp's library scales it to 640×640 JPEG), or removes it with null. */
  async setPicture(sessionId: string, image: Buffer | null): Promise<void> {
    const { socket, jid } = this.socket(sessionId);
    if (image) await callWhatsApp(() => socket.updateProfilePicture(jid, image), 'picture');
    else await callWhatsApp(() => socket.removeProfilePicture(jid), 'picture');
  }

  async updateBusiness(sessionId: string, change: BusinessProfileChange): Promise<void> {
    const { socket } = this.socket(sessionId);
    await callWhatsApp(() => socket.updateBussinesProfile(change), 'business');
  }

  private async about(socket: WASocket, jid: string): Promise<string | null> {
    const result = await callWhatsApp(() => socket.fetchStatus(jid));
    const first = Array.isArray(result) ? result[0] : undefined;
    const status = (first as { status?: { status?: string | null } } | undefined)?.status?.status;
    return status || null;
  }

  private async hasPicture(socket: WASocket, jid: string): Promise<boolean> {
    try {
      return Boolean(await socket.profilePictureUrl(jid, 'preview', QUERY_TIMEOUT_MS));
    } catch (error) {
      if ((error as { data?: unknown } | null)?.data === NO_PICTURE) return false;
      return callWhatsApp(() => Promise.reject(error));
    }
  }
}

interface BaileysBusinessProfile {
  description?: string;
  address?: string;
  email?: string;
  website?: string[];
  category?: string;
  business_hours?: { timezone?: string; business_config?: Array<Record<string, unknown>> };
}

function toBusinessProfile(profile: BaileysBusinessProfile): BusinessProfile {
  const minutes = (value: unknown) => (value === undefined || value === null ? null : Number(value));
  const days = profile.business_hours?.business_config ?? [];
  return {
    description: profile.description ?? '',
    address: profile.address || null,
    email: profile.email || null,
    websites: profile.website ?? [],
    category: profile.category || null,
    hours: days.length
      ? {
          timezone: profile.business_hours?.timezone ?? null,
          days: days.map((day) => ({
            day: String(day.day_of_week ?? ''),
            mode: String(day.mode ?? ''),
            open: minutes(day.open_time),
            close: minutes(day.close_time),
          })),
        }
      : null,
  };
}
