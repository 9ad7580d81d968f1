import { AppError } from '../../../src-shared/errors.js';
import type { DesktopState } from '../../../src-shared/contract/desktop.js';
import { DESKTOP_ACTOR } from '../access/actors.js';
import { DESKTOP, LOCKED_DESKTOP, type Principal } from '../access/principal.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { PasswordHasher } from './passwords.js';
import type { PeopleSettingsStore } from './people-settings.js';
import type { UserPrincipals } from './principals.js';
import type { UserDbRow, UserService } from './users.js';

/** A token bucket (core/token-bucket.ts): seconds to wait, and taking one try. */
export interface TriesLimiter {
  waitSeconds(key: string): number;
  take(key: string): number;
}

export interface DesktopSeatLimits {
  /** Wrong PINs or passwords per person (sign-in's: 5 at once, then one a minute). */
  perPerson: TriesLimiter;
  /** Wrong tries on this PC, whoever they were for (sign-in's per-address limit). */
  perPc: TriesLimiter;
}

/** The key of the PC's own bucket: the window is one caller, like one address. */
const PC = 'desktop';

/**
 * Who is using the desktop window (Settings → Team, "Ask who is using this PC"). Off: the window
 * is the PC owner's (`DESKTOP`). On: it starts locked, and after a person gives their PIN or
 * password it acts as that person, read afresh on every call, so disabling or deleting them locks
 * the window at once. The seat lives in memory only: a restarted app starts at the switcher.
 */
export class DesktopSeat {
  private userId: string | null = null;

  constructor(
    private readonly users: UserService,
    private readonly principals: UserPrincipals,
    private readonly settings: PeopleSettingsStore,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly limits: DesktopSeatLimits,
  ) {}

  private asks(): boolean {
    return this.settings.get().askWhoIsUsingThisPc;
  }

  /** The window's principal now; `LOCKED_DESKTOP` while nobody is chosen (it may run only the switcher). */
  principal(): Principal {
    if (!this.asks()) return DESKTOP;
    if (this.userId === null) return LOCKED_DESKTOP;
    return this.principals.of(this.userId, 'desktop', null) ?? LOCKED_DESKTOP;
  }

  state(): DesktopState {
    if (!this.asks()) return { mode: 'owner', person: null, people: [] };
    const people = this.users
      .list()
      .filter((user) => !user.disabled && (user.hasPin || user.hasPassword))
      .map(({ id, name, role, hasPin }) => ({ id, name, role, hasPin }));
    const current = this.principal();
    const person =
      current.kind === 'user' ? (people.find((candidate) => candidate.id === current.userId) ?? null) : null;
    return { mode: person ? 'person' : 'locked', person, people };
  }

  /** The person is seated if the secret is their PIN or password; limited and audited like sign-in. */
  async switchTo(userId: string, secret: string): Promise<DesktopState> {
    if (!this.asks()) {
      throw new AppError('CONFLICT', '"Ask who is using this PC" is off: the window is the owner\'s');
    }
    const wait = Math.max(this.limits.perPerson.waitSeconds(userId), this.limits.perPc.waitSeconds(PC));
    if (wait > 0) throw new AppError('RATE_LIMITED', `too many wrong tries; try again in ${wait} s`);
    const row = this.users.findRow(userId);
    if (!row) throw new AppError('NOT_FOUND', `no person "${userId}"`, 'userId');
    if (row.disabled) throw new AppError('FORBIDDEN', `${row.name} is disabled`, 'userId');
    if (!(await this.matches(row, secret))) {
      this.limits.perPerson.take(userId);
      this.limits.perPc.take(PC);
      this.audit.record({
        actor: DESKTOP_ACTOR,
        action: 'desktop.switch_failed',
        target: `user:${userId}`,
      });
      throw new AppError('UNAUTHORIZED', row.pin_hash ? 'wrong PIN or password' : 'wrong password', 'secret');
    }
    this.userId = userId;
    this.audit.record({
      actor: { type: 'user', id: row.id, name: row.name },
      action: 'desktop.switch',
      target: `user:${row.id}`,
    });
    return this.state();
  }

  /** Back to the switcher (nothing to do when it is off or already locked). */
  lock(): DesktopState {
    const current = this.principal();
    if (current.kind === 'user') {
      this.audit.record({
        actor: { type: 'user', id: current.userId, name: current.name },
        action: 'desktop.lock',
        target: `user:${current.userId}`,
      });
    }
    this.userId = null;
    return this.state();
  }

  private async matches(row: UserDbRow, secret: string): Promise<boolean> {
    if (row.pin_hash && (await this.passwords.verify(row.pin_hash, secret))) return true;
    return row.password_hash !== null && (await this.passwords.verify(row.password_hash, secret));
  }
}
