import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors.js';
import type { Actor, User, UserRole, UserWithCode } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { UserRow } from '../../db/schema.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { nameKey } from './names.js';
import type { PasswordHasher } from './passwords.js';
import { hashSetupCode, newSetupCode, SETUP_CODE_TTL_MS, setupCodeMatches } from './setup-codes.js';

interface UserDbRow {
  id: string;
  name: string;
  login: string;
  login_key: string;
  role: UserRole;
  disabled: number;
  password_hash: string | null;
  pin_hash: string | null;
  language: string | null;
  setup_code_hash: string | null;
  setup_code_expires_at: string | null;
  password_changed_at: string | null;
  created_at: string;
}

/** Told when a person's credentials must end now (disabled, deleted, password changed elsewhere). */
export interface CredentialEnder {
  /** Ends every sign-in session of the person but `keep`, and their tokens when `tokens`. */
  endFor(userId: string, options: { keep?: string | null; tokens: boolean }): void;
}

export interface NewUser {
  name: string;
  login: string;
  role: UserRole;
  password?: string | undefined;
  language?: string | undefined;
}

export interface UserChanges {
  id: string;
  name?: string | undefined;
  login?: string | undefined;
  role?: UserRole | undefined;
  disabled?: boolean | undefined;
  language?: string | null | undefined;
  teams?: string[] | undefined;
}

/**
 * People who sign in: their names, roles and passwords. Rules kept here: sign-in names are
 * unique ignoring case; there is always an enabled owner (the last one cannot be demoted,
 * disabled or deleted); only an owner may create, change or remove an owner; a disabled or deleted
 * person's browsers and tokens stop working at once (`CredentialEnder`).
 */
export class UserService {
  private readonly byId: Statement<[string], UserDbRow>;
  private readonly byLogin: Statement<[string], UserDbRow>;
  private readonly teamsOf: Statement<[string], { id: string; name: string }>;
  private readonly lastSignIn: Statement<[string], { at: number | null }>;
  private readonly enabledOwners: Statement<[], { count: number }>;
  private readonly total: Statement<[], { count: number }>;
  private enders: CredentialEnder[] = [];
  /** Listeners told after a person, role or team membership changed (rights caches). */
  private readonly changeListeners: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly audit: AuditLog,
    private readonly hasher: PasswordHasher,
    private readonly now: () => number = Date.now,
  ) {
    const sqlite = db.$client;
    this.byId = sqlite.prepare('SELECT * FROM users WHERE id = ?');
    this.byLogin = sqlite.prepare('SELECT * FROM users WHERE login_key = ?');
    this.teamsOf = sqlite.prepare(
      `SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id
        WHERE m.user_id = ? ORDER BY t.name COLLATE NOCASE`,
    );
    // The audit log already records every sign-in (kept for its retention time): no second copy.
    this.lastSignIn = sqlite.prepare(
      "SELECT max(at) AS at FROM audit_log WHERE action = 'auth.signin' AND actor_id = ?",
    );
    this.enabledOwners = sqlite.prepare(
      "SELECT count(*) AS count FROM users WHERE role = 'owner' AND disabled = 0",
    );
    this.total = sqlite.prepare('SELECT count(*) AS count FROM users');
  }

  onCredentialsEnd(ender: CredentialEnder): void {
    this.enders.push(ender);
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  count(): number {
    return this.total.get()?.count ?? 0;
  }

  list(): User[] {
    return this.db.$client
      .prepare<[], UserDbRow>('SELECT * FROM users ORDER BY name COLLATE NOCASE, id')
      .all()
      .map((row) => this.toUser(row));
  }

  get(id: string): User {
    return this.toUser(this.row(id));
  }

  /** The stored row (for sign-in and principals); NOT_FOUND when there is none. */
  row(id: string): UserDbRow {
    const row = this.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `no person with id "${id}"`, 'id');
    return row;
  }

  findRow(id: string): UserDbRow | undefined {
    return this.byId.get(id);
  }

  rowByLogin(login: string): UserDbRow | undefined {
    return this.byLogin.get(nameKey(login));
  }

  /**
   * Adds a person. With a password they can sign in at once; without one the answer carries a
   * one-time invite code (shown once) with which they choose their password.
   */
  async create(input: NewUser, actor: Actor, actorRole: UserRole): Promise<UserWithCode> {
    if (input.role === 'owner' && actorRole !== 'owner') {
      throw new AppError('FORBIDDEN', 'only an owner may add an owner', 'role');
    }
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    const code = passwordHash ? null : newSetupCode();
    const expiresAt = code ? new Date(this.now() + SETUP_CODE_TTL_MS).toISOString() : null;
    const id = `usr_${randomUUID()}`;
    const user = this.events.transaction(() => {
      this.assertLoginFree(input.login, null);
      this.db.$client
        .prepare(
          `INSERT INTO users (id, name, login, login_key, role, password_hash, language,
                              setup_code_hash, setup_code_expires_at, password_changed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.name,
          input.login,
          nameKey(input.login),
          input.role,
          passwordHash,
          input.language ?? null,
          code ? hashSetupCode(code) : null,
          expiresAt,
          passwordHash ? new Date(this.now()).toISOString() : null,
        );
      const created = this.get(id);
      this.events.record('user.created', null, created, actor);
      this.audit.record({
        actor,
        action: 'user.created',
        target: `user:${id}`,
        detail: { role: input.role },
      });
      return created;
    });
    this.changed();
    return { user, code, expiresAt };
  }

  update(changes: UserChanges, actor: Actor, actorRole: UserRole): User {
    const result = this.events.transaction(() => {
      const before = this.row(changes.id);
      const touchesOwner = before.role === 'owner' || changes.role === 'owner';
      if (
        touchesOwner &&
        actorRole !== 'owner' &&
        (changes.role !== undefined || changes.disabled !== undefined)
      ) {
        throw new AppError('FORBIDDEN', 'only an owner may change an owner or make one', 'role');
      }
      if (changes.login !== undefined) this.assertLoginFree(changes.login, before.id);
      const sets: string[] = [];
      const params: (string | number | null)[] = [];
      const set = (column: string, value: string | number | null) => {
        sets.push(`${column} = ?`);
        params.push(value);
      };
      if (changes.name !== undefined) set('name', changes.name);
      if (changes.login !== undefined) {
        set('login', changes.login);
        set('login_key', nameKey(changes.login));
      }
      if (changes.role !== undefined) set('role', changes.role);
      if (changes.disabled !== undefined) set('disabled', changes.disabled ? 1 : 0);
      if (changes.language !== undefined) set('language', changes.language);
      if (sets.length) {
        set('updated_at', new Date(this.now()).toISOString());
        this.db.$client.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...params, before.id);
      }
      if (changes.teams !== undefined) this.replaceTeams(before.id, changes.teams);
      this.assertAnOwnerRemains(changes.role !== undefined ? 'role' : 'disabled');
      const user = this.get(before.id);
      this.events.record('user.updated', null, user, actor);
      if (changes.role !== undefined && changes.role !== before.role) {
        this.audit.record({
          actor,
          action: 'user.role_changed',
          target: `user:${user.id}`,
          detail: { from: before.role, to: changes.role },
        });
      }
      if (changes.disabled !== undefined && changes.disabled !== Boolean(before.disabled)) {
        this.audit.record({
          actor,
          action: changes.disabled ? 'user.disabled' : 'user.enabled',
          target: `user:${user.id}`,
        });
      }
      if (changes.teams !== undefined) {
        this.audit.record({
          actor,
          action: 'user.teams_changed',
          target: `user:${user.id}`,
          detail: { teams: changes.teams },
        });
      }
      return { user, disabledNow: changes.disabled === true && !before.disabled };
    });
    this.changed();
    if (result.disabledNow) this.endCredentials(result.user.id, { tokens: true });
    return result.user;
  }

  /** Deletes a person; what they did stays attributed to their name (actors are stored by value). */
  delete(id: string, actor: Actor, actorRole: UserRole): User {
    const user = this.events.transaction(() => {
      const row = this.row(id);
      if (row.role === 'owner' && actorRole !== 'owner') {
        throw new AppError('FORBIDDEN', 'only an owner may delete an owner', 'id');
      }
      if (row.role === 'owner' && !row.disabled && (this.enabledOwners.get()?.count ?? 0) <= 1) {
        throw new AppError(
          'CONFLICT',
          'Chatdock needs at least one enabled owner: this is the last one',
          'id',
        );
      }
      const user = this.toUser(row);
      // Before the delete, so the cascade does not hide the tokens' ids from the enders.
      this.endCredentials(id, { tokens: true });
      this.db.$client.prepare('DELETE FROM users WHERE id = ?').run(id);
      this.assertAnOwnerRemains('id');
      this.events.record('user.deleted', null, { id, name: row.name }, actor);
      this.audit.record({ actor, action: 'user.deleted', target: `user:${id}`, detail: { name: row.name } });
      return user;
    });
    this.changed();
    return user;
  }

  /** A new one-time code; the old password stops working and every browser of the person signs out. */
  resetCode(id: string, actor: Actor, actorRole: UserRole): UserWithCode {
    const row = this.row(id);
    if (row.role === 'owner' && actorRole !== 'owner') {
      throw new AppError('FORBIDDEN', "only an owner may reset an owner's password", 'id');
    }
    const code = newSetupCode();
    const expiresAt = new Date(this.now() + SETUP_CODE_TTL_MS).toISOString();
    this.db.$client
      .prepare(
        'UPDATE users SET password_hash = NULL, setup_code_hash = ?, setup_code_expires_at = ? WHERE id = ?',
      )
      .run(hashSetupCode(code), expiresAt, id);
    this.audit.record({ actor, action: 'user.password_reset', target: `user:${id}` });
    this.endCredentials(id, { tokens: false });
    return { user: this.get(id), code, expiresAt };
  }

  /** A person signing in with their invite/reset code chooses a password; null when it does not fit. */
  async acceptCode(login: string, code: string, newPassword: string): Promise<UserDbRow | null> {
    const row = this.rowByLogin(login);
    if (!row || row.disabled || !row.setup_code_hash || !row.setup_code_expires_at) return null;
    if (row.setup_code_expires_at <= new Date(this.now()).toISOString()) return null;
    if (!setupCodeMatches(row.setup_code_hash, code)) return null;
    await this.setPassword(row.id, newPassword);
    return this.row(row.id);
  }

  /** Changes the caller's own password; their other browsers sign out (`keep` stays). */
  async changePassword(userId: string, current: string, next: string, keep: string | null): Promise<User> {
    const row = this.row(userId);
    if (!(await this.hasher.verify(row.password_hash, current))) {
      throw new AppError('VALIDATION_FAILED', 'the current password is not right', 'currentPassword');
    }
    await this.setPassword(userId, next);
    this.audit.record({
      actor: { type: 'user', id: userId, name: row.name },
      action: 'user.password_changed',
      target: `user:${userId}`,
    });
    this.endCredentials(userId, { keep, tokens: false });
    return this.get(userId);
  }

  async setPin(userId: string, current: string, pin: string | null): Promise<User> {
    const row = this.row(userId);
    if (!(await this.hasher.verify(row.password_hash, current))) {
      throw new AppError('VALIDATION_FAILED', 'the current password is not right', 'currentPassword');
    }
    const pinHash = pin ? await this.hasher.hash(pin) : null;
    this.db.$client.prepare('UPDATE users SET pin_hash = ? WHERE id = ?').run(pinHash, userId);
    return this.get(userId);
  }

  /** The person whose sign-in name and password (or, with `pin`, PIN) these are; null otherwise. */
  async verify(
    login: string,
    secret: string,
    kind: 'password' | 'pin' = 'password',
  ): Promise<UserDbRow | null> {
    const row = this.rowByLogin(login);
    const stored = row ? (kind === 'pin' ? row.pin_hash : row.password_hash) : null;
    // Always hash, so an unknown name takes as long as a wrong password.
    const ok = await this.hasher.verify(stored, secret);
    return ok && row && !row.disabled ? row : null;
  }

  /**
   * Whether `secret` is this person's own password (or, for a person who has none, their PIN):
   * asked again before something that cannot be undone (services/access/confirmation.ts).
   */
  async confirmsIdentity(userId: string, secret: string): Promise<boolean> {
    const row = this.db.$client
      .prepare('SELECT password_hash, pin_hash, disabled FROM users WHERE id = ?')
      .get(userId) as Pick<UserDbRow, 'password_hash' | 'pin_hash' | 'disabled'> | undefined;
    const stored = row ? (row.password_hash ?? row.pin_hash) : null;
    const ok = await this.hasher.verify(stored, secret);
    return ok && Boolean(row) && !row?.disabled;
  }

  toUser(row: UserDbRow): User {
    return {
      id: row.id,
      name: row.name,
      login: row.login,
      role: row.role,
      disabled: Boolean(row.disabled),
      hasPassword: row.password_hash !== null,
      hasPin: row.pin_hash !== null,
      language: row.language,
      teams: this.teamsOf.all(row.id),
      createdAt: row.created_at,
      lastSignInAt: this.lastSignInOf(row.id),
    };
  }

  private lastSignInOf(userId: string): string | null {
    const at = this.lastSignIn.get(userId)?.at;
    return at == null ? null : new Date(at).toISOString();
  }

  private async setPassword(userId: string, password: string): Promise<void> {
    const hash = await this.hasher.hash(password);
    this.db.$client
      .prepare(
        `UPDATE users SET password_hash = ?, setup_code_hash = NULL, setup_code_expires_at = NULL,
                          password_changed_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(hash, new Date(this.now()).toISOString(), new Date(this.now()).toISOString(), userId);
  }

  private replaceTeams(userId: string, teamIds: string[]): void {
    const known = this.db.$client.prepare<[string], { id: string }>('SELECT id FROM teams WHERE id = ?');
    teamIds.forEach((teamId, index) => {
      if (!known.get(teamId))
        throw new AppError('VALIDATION_FAILED', `no team with id "${teamId}"`, `teams.${index}`);
    });
    this.db.$client.prepare('DELETE FROM team_members WHERE user_id = ?').run(userId);
    const insert = this.db.$client.prepare(
      'INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)',
    );
    for (const teamId of teamIds) insert.run(teamId, userId);
  }

  private assertLoginFree(login: string, exceptId: string | null): void {
    const existing = this.byLogin.get(nameKey(login));
    if (existing && existing.id !== exceptId) {
      throw new AppError('CONFLICT', `the sign-in name "${login}" is taken (names ignore case)`, 'login');
    }
  }

  /** Inside the changing transaction: refuses (rolls back) a change that leaves no enabled owner. */
  private assertAnOwnerRemains(field: string): void {
    if ((this.enabledOwners.get()?.count ?? 0) === 0) {
      throw new AppError(
        'CONFLICT',
        'Chatdock needs at least one enabled owner: this is the last one',
        field,
      );
    }
  }

  private endCredentials(userId: string, options: { keep?: string | null; tokens: boolean }): void {
    for (const ender of this.enders) ender.endFor(userId, options);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}

export type { UserDbRow };
export type { UserRow };
