/**
 * A number's own WhatsApp profile (issue #19): read live from WhatsApp, changed there, and each
 * change announced as `session.profile_updated` (with who did it). Nothing is stored here but the
 * session row's push name: WhatsApp is the record, and the phone shows the same profile.
 *
 * Everything that can be refused is checked before the first change reaches WhatsApp (the photo
 * decoded and sized, business fields only for a Business account), so bad input is a 4xx and
 * never half a change. A WhatsApp failure part-way leaves the earlier parts changed; the event
 * still names those, and the error says what failed.
 */
import { AppError } from '../../../src-shared/errors.js';
import type { Actor } from '../../../src-shared/contract/people.js';
import type {
  NumberProfile,
  ProfileField,
  ProfileUpdate,
} from '../../../src-shared/contract/number-profile.js';
import type { WaProfileActions } from '../../wa/profile-actions.js';
import type { AvatarService } from '../avatars/avatar-service.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { MediaResolver } from '../messages/media-input.js';
import type { SessionService } from '../sessions/sessions.js';

export interface NumberProfileDeps {
  actions: WaProfileActions;
  sessions: SessionService;
  events: EventRecorder;
  avatars: AvatarService;
  resolveMedia: MediaResolver;
}

export class NumberProfileService {
  constructor(private readonly deps: NumberProfileDeps) {}

  async get(session: string): Promise<NumberProfile> {
    this.deps.sessions.get(session);
    return { session, ...(await this.deps.actions.read(session)) };
  }

  async update(session: string, change: ProfileUpdate, actor: Actor): Promise<NumberProfile> {
    const { actions, sessions } = this.deps;
    const before = await this.get(session);
    const picture =
      change.picture === undefined || change.picture === null
        ? change.picture
        : (await this.deps.resolveMedia('image', change.picture)).bytes;
    if (change.business && !before.business) {
      throw new AppError(
        'VALIDATION_FAILED',
        'this number is not a WhatsApp Business account: it has no business profile',
        'business',
      );
    }
    const changed: ProfileField[] = [];
    let failure: unknown = null;
    try {
      if (change.name !== undefined) {
        await actions.setName(session, change.name);
        sessions.notePushName(session, change.name);
        changed.push('name');
      }
      if (change.about !== undefined) {
        await actions.setAbout(session, change.about);
        changed.push('about');
      }
      if (picture !== undefined) {
        await actions.setPicture(session, picture);
        // Our own device hears nothing of its own change: the cached picture is outdated now.
        this.deps.avatars.pictureChanged(session, before.jid);
        changed.push('picture');
      }
      if (change.business) {
        await actions.updateBusiness(session, change.business);
        changed.push('business');
      }
    } catch (error) {
      failure = error;
    }
    if (changed.length === 0) throw failure;
    const newName = changed.includes('name') ? change.name : undefined;
    const after = withOwnName(await this.get(session).catch(() => before), newName);
    this.deps.events.record('session.profile_updated', session, { ...after, changed }, actor);
    if (failure) throw failure;
    return after;
  }
}

/**
 * The socket learns its new name from its own app-state patch a moment after the change is
 * accepted; the name just set is the truth meanwhile.
 */
function withOwnName(profile: NumberProfile, name: string | undefined): NumberProfile {
  return name === undefined ? profile : { ...profile, name };
}
