/**
 * REST names a number `:id` in the path; the contract operations name it `session`. These map a
 * route's request onto an operation's input (api/operation-route.ts `input`).
 */
type SessionRequest<Body = unknown> = { params: { id: string }; body?: Body };

/** `{ session }` from `/sessions/:id/…`. */
export const sessionInput = ({ params }: SessionRequest) => ({ session: params.id });

/** `{ session, …body }` from `/sessions/:id/…` with a JSON body. */
export const sessionBodyInput = ({ params, body }: SessionRequest<object>) => ({
  ...body,
  session: params.id,
});

/** `{ session, jid }` from `/sessions/:id/contacts/:jid/…`. */
export const contactInput = ({ params }: { params: { id: string; jid: string } }) => ({
  session: params.id,
  jid: params.jid,
});
