/**
 * An answer for work that was accepted but is not done yet (HTTP 202): a human-paced group send
 * waiting its pause. The service marks the object it returns; the REST layer answers 202 instead
 * of the route's usual status. The mark is a symbol, so it never reaches the JSON body.
 */
const ACCEPTED = Symbol('accepted');

export function accepted<T extends object>(answer: T): T {
  return Object.assign(answer, { [ACCEPTED]: true });
}

export function isAccepted(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && ACCEPTED in answer;
}
