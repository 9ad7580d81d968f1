import { timingSafeEqual } from 'node:crypto';
import type { Actor, User } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import { newSetupCode } from './setup-codes.js';
import type { UserService } from './users.js';

/**
 * How the owner's account comes to be on a headless install (`npm run serve`): while nobody
 * exists, the core makes a one-time setup code that the server prints in the terminal beside
 * the admin key, and the sign-in page asks for it (or the admin key) with the owner's name and
 * password. The code lives in memory only and is gone once an owner exists. The desktop window
 * needs none: it is the PC owner's and may add the owner under Settings → Team.
 */
export class FirstRun {
  private code: string | null = null;

  constructor(
    private readonly users: UserService,
    /** Whether a presented secret is the admin key (the other proof of owning the install). */
    private readonly isAdminKey: (secret: string) => boolean,
  ) {}

  /** Makes the setup code if nobody exists yet; returns it (to print) or null. */
  prepare(): string | null {
    this.code = this.users.count() === 0 ? newSetupCode() : null;
    return this.code;
  }

  needed(): boolean {
    return this.users.count() === 0;
  }

  async createOwner(proof: string, owner: { name: string; login: string; password: string }): Promise<User> {
    if (!this.needed()) throw new AppError('CONFLICT', 'the owner exists already: sign in instead');
    if (!this.proves(proof)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'not the setup code printed in the terminal, nor the admin key',
        'setupCode',
      );
    }
    const actor: Actor = { type: 'system', id: null, name: 'First run' };
    const { user } = await this.users.create({ ...owner, role: 'owner' }, actor, 'owner');
    this.code = null;
    return user;
  }

  private proves(proof: string): boolean {
    const trimmed = proof.trim();
    if (this.code) {
      const a = Buffer.from(this.code.replaceAll('-', ''));
      const b = Buffer.from(trimmed.toUpperCase().replaceAll('-', ''));
      if (a.length === b.length && timingSafeEqual(a, b)) return true;
    }
    return this.isAdminKey(trimmed);
  }
}
