import type { Actor } from '../../../src-shared/contract/people';

/**
 * How an outgoing bubble names its sender, as a catalogue id and its values. The server stores
 * the actor by value in English (`API: crm`, `Campaign: Hanukkah`, `Scheduled message`), so the
 * known prefixes are recognised here and said in the reader's language; a person's name is shown
 * as written.
 */
export type SentByLabel =
  | { kind: 'person'; name: string }
  | { kind: 'api'; name: string }
  | { kind: 'adminKey' }
  | { kind: 'sessionKey'; session: string }
  | { kind: 'campaign'; name: string }
  | { kind: 'automation'; name: string }
  | { kind: 'routing'; name: string }
  | { kind: 'routingWebhook' }
  | { kind: 'schedule' }
  | { kind: 'phone' }
  | { kind: 'desktop' }
  | { kind: 'system' };

const afterPrefix = (name: string, prefix: string) =>
  name.startsWith(prefix) ? name.slice(prefix.length).trim() : null;

/** The label of a message we sent; null for received messages. */
export function sentByLabel(message: { fromMe: boolean; sentBy?: Actor | undefined }): SentByLabel | null {
  if (!message.fromMe) return null;
  const actor = message.sentBy;
  // Our own message that Chatdock did not send was written on the handset.
  if (!actor) return { kind: 'phone' };
  return actorLabel(actor);
}

/**
 * Any actor (a bubble's sender, who made a change in the assignment history) as a label: the
 * server's English prefixes (`Automation: `, `Routing: `) recognised, names kept as written.
 */
export function actorLabel(actor: Actor): SentByLabel {
  if (actor.type === 'user') return { kind: 'person', name: actor.name };
  if (actor.type === 'desktop') return { kind: 'desktop' };
  if (actor.type === 'key') {
    const name = afterPrefix(actor.name, 'API:') ?? actor.name;
    // The built-in keys are named by the server in English; named keys keep their own names.
    if (name === 'admin key') return { kind: 'adminKey' };
    const session = afterPrefix(name, 'session key');
    if (session !== null) return { kind: 'sessionKey', session };
    return { kind: 'api', name };
  }
  const campaign = afterPrefix(actor.name, 'Campaign:');
  if (campaign !== null) return { kind: 'campaign', name: campaign };
  const rule = afterPrefix(actor.name, 'Automation:');
  if (rule !== null) return { kind: 'automation', name: rule };
  const routing = afterPrefix(actor.name, 'Routing:');
  if (routing === 'webhook') return { kind: 'routingWebhook' };
  if (routing !== null) return { kind: 'routing', name: routing };
  if (actor.name === 'Scheduled message') return { kind: 'schedule' };
  if (actor.name === 'Phone') return { kind: 'phone' };
  return { kind: 'system' };
}
