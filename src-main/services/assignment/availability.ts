import type { Db } from '../../db/connection.js';

/** Whether a person is available for new chats or away (routing skips people who are away). */
export class Availability {
  private readonly select;
  private readonly update;

  constructor(db: Db) {
    this.select = db.$client.prepare<[string], { available: number }>(
      'SELECT available FROM users WHERE id = ?',
    );
    this.update = db.$client.prepare<[number, string]>('UPDATE users SET available = ? WHERE id = ?');
  }

  get(userId: string): { available: boolean } {
    return { available: (this.select.get(userId)?.available ?? 0) === 1 };
  }

  set(userId: string, available: boolean): { available: boolean } {
    this.update.run(available ? 1 : 0, userId);
    return this.get(userId);
  }
}
