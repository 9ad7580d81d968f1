import type { Db } from '../../db/connection.js';
import type { KeyHasher } from '../access/key-hasher.js';
import { AuditLog } from '../audit/audit-log.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { InternalSettings } from '../settings/internal-settings.js';
import type { KeyRevocations } from '../access/key-revocations.js';
import { DesktopSeat, type DesktopSeatLimits } from './desktop-seat.js';
import { FirstRun } from './first-run.js';
import { PasswordHasher, type ScryptCost } from './passwords.js';
import { PeopleSettingsStore } from './people-settings.js';
import { PermissionService } from './permissions.js';
import { UserPrincipals } from './principals.js';
import { SignInService } from './sign-ins.js';
import { TeamService } from './teams.js';
import { PersonalTokenService } from './tokens.js';
import { UserService } from './users.js';

/** Staff accounts: people, teams, permissions, sign-ins, personal tokens and the audit log. */
export interface People {
  users: UserService;
  teams: TeamService;
  permissions: PermissionService;
  signIns: SignInService;
  tokens: PersonalTokenService;
  settings: PeopleSettingsStore;
  audit: AuditLog;
  principals: UserPrincipals;
  passwords: PasswordHasher;
  firstRun: FirstRun;
  /** Who is using the desktop window (the switcher). */
  desktop: DesktopSeat;
}

export interface PeopleDeps {
  db: Db;
  events: EventRecorder;
  internal: InternalSettings;
  keyHasher: KeyHasher;
  revocations: KeyRevocations;
  /** scrypt cost (tests pass a cheap one). */
  passwordCost?: ScryptCost;
  /** Whether a secret is the admin key (the first-run screen accepts it instead of the setup code). */
  isAdminKey: (secret: string) => boolean;
  /** Wrong tries at the desktop switcher (sign-in's limits). */
  desktopLimits: DesktopSeatLimits;
}

export function createPeople(deps: PeopleDeps): People {
  const audit = new AuditLog(deps.db);
  const passwords = new PasswordHasher(deps.passwordCost);
  const settings = new PeopleSettingsStore(deps.internal);
  const users = new UserService(deps.db, deps.events, audit, passwords);
  const teams = new TeamService(deps.db, deps.events, audit);
  const permissions = new PermissionService(deps.db, deps.events, audit);
  const signIns = new SignInService(deps.db, deps.keyHasher, settings, deps.revocations);
  const tokens = new PersonalTokenService(deps.db, deps.keyHasher, deps.revocations);
  const principals = new UserPrincipals(users, permissions, deps.db);
  teams.onChange(() => permissions.invalidate());
  // A person disabled, deleted, reset or changing their password: their browsers sign out
  // (and, when disabled or deleted, their tokens stop) before the answer is sent.
  users.onCredentialsEnd({
    endFor: (userId, options) => {
      signIns.endAllOf(userId, options.keep ?? null);
      if (options.tokens) tokens.revokeAllOf(userId);
    },
  });
  const firstRun = new FirstRun(users, deps.isAdminKey);
  const desktop = new DesktopSeat(users, principals, settings, passwords, audit, deps.desktopLimits);
  return {
    users,
    teams,
    permissions,
    signIns,
    tokens,
    settings,
    audit,
    principals,
    passwords,
    firstRun,
    desktop,
  };
}
