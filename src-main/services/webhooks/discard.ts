import { AppError } from '../../../src-shared/errors.js';
import type { Db } from '../../db/connection.js';

/**
 * Removes failed deliveries of one webhook (their attempts go with them: ON DELETE CASCADE),
 * all of them or those among `ids`. Pending and succeeded deliveries are never touched: a
 * pending one may still arrive, a succeeded one is the record of what arrived.
 *
 * Once no failed or pending delivery needs an event, `EventRecorder.prune()` drops it by the
 * usual 7-day rule, which is the point: a receiver that stays dead stops growing the database.
 *
 * An id that is no delivery of this webhook is a mistake of the caller (a wrong webhook, a
 * typo), so nothing is discarded and the error names it; an id whose delivery is no longer
 * failed (retried meanwhile, say) is simply not counted.
 */
export function discardFailedDeliveries(
  db: Db,
  webhookId: string,
  ids?: readonly number[],
): { discarded: number } {
  const client = db.$client;
  // Ids travel as one JSON parameter, so a long list needs no statement of its own length.
  const discardListed = client.prepare<[string, string]>(
    `DELETE FROM webhook_deliveries
      WHERE webhook_id = ? AND status = 'failed' AND id IN (SELECT value FROM json_each(?))`,
  );
  const discardAll = client.prepare<[string]>(
    `DELETE FROM webhook_deliveries WHERE webhook_id = ? AND status = 'failed'`,
  );
  const ownIds = client.prepare<[string, string], { id: number }>(
    `SELECT id FROM webhook_deliveries WHERE webhook_id = ? AND id IN (SELECT value FROM json_each(?))`,
  );

  // One transaction: the check and the delete see the same rows, and a failure leaves all in place.
  return client.transaction((): { discarded: number } => {
    if (ids === undefined) return { discarded: discardAll.run(webhookId).changes };
    const listed = JSON.stringify([...new Set(ids)]);
    const own = new Set(ownIds.all(webhookId, listed).map((row) => row.id));
    const stranger = ids.findIndex((id) => !own.has(id));
    if (stranger !== -1) {
      const field = `ids.${stranger}`;
      throw new AppError(
        'VALIDATION_FAILED',
        `${field}: no delivery ${ids[stranger]} of this webhook`,
        field,
      );
    }
    return { discarded: discardListed.run(webhookId, listed).changes };
  })();
}
