import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { canSeeEvent } from '../access/authorizer.js';
import type { Principal } from '../access/principal.js';

/** The principal of a webhook's owner now: null when the person is gone or disabled. */
export type OwnerPrincipal = (userId: string) => Principal | null;

/**
 * Whether a webhook may receive an event (issue #26 point 12). A webhook created by a person
 * receives only what that person may read now: the authorizer's `canSeeEvent`, the same filter
 * as their event stream, asked with their current rights when the outbox writes the delivery and
 * again just before it is sent (rights may have changed meanwhile). A disabled or deleted owner
 * receives nothing. Webhooks of keys and the desktop (no owner) are filtered by their session
 * and event types only.
 */
export function webhookAudience(owners: OwnerPrincipal) {
  return (ownerUserId: string | null, event: AnyEventEnvelope): boolean => {
    if (ownerUserId === null) return true;
    const owner = owners(ownerUserId);
    return owner !== null && canSeeEvent(owner, event);
  };
}

export type WebhookAudience = ReturnType<typeof webhookAudience>;

/** Where nobody owns a webhook (tests that build the outbox alone): everything passes. */
export const EVERYONE: WebhookAudience = () => true;
