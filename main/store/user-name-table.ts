// The directory of user names per account: every name a dialog answer gave a
// user id, the newest kept. It lets an id that one answer only numbers (the
// responsible operator, a manager) read as the person another answer named.
import type { UserNames } from '../core/user-names';
import type { SqliteDatabase } from './sqlite';

export class UserNameTable {
  readonly #remember;
  readonly #named;

  constructor(db: SqliteDatabase) {
    // The ids travel as one JSON array: one prepared statement, however many ids.
    this.#named = db.prepare('SELECT user_id, name FROM user_names WHERE account = ? AND user_id IN (SELECT value FROM json_each(?))');
    // An older copy (a snapshot put back, a clock gone backwards) never overwrites a newer name.
    this.#remember = db.prepare(
      `INSERT INTO user_names (account, user_id, name, seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account, user_id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at
       WHERE excluded.seen_at >= user_names.seen_at`,
    );
  }

  /** `names` as an answer fetched at `seenAt` gave them. Call inside a write transaction. */
  remember(account: string, names: UserNames, seenAt: string): void {
    for (const [id, name] of Object.entries(names)) this.#remember.run(account, id, name, seenAt);
  }

  namesFor(account: string, ids: readonly string[]): UserNames {
    const names: Record<string, string> = {};
    if (ids.length === 0) return names;
    const rows = this.#named.all(account, JSON.stringify(ids)) as Array<{ user_id: string; name: string }>;
    for (const row of rows) names[row.user_id] = row.name;
    return names;
  }
}
