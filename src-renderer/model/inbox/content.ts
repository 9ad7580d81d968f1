/** Readers for the `content` of location, contact and poll messages (shapes from the core's mapping). */
import type { Message, PollResults } from '../../../src-shared/messages';

interface LocationContent {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
  live: boolean;
}

interface ContactCard {
  /** Null when the card has no name (the view says "Contact" in the reader's language). */
  name: string | null;
  phones: string[];
}

/** A poll as a bubble shows it: the results the core keeps (`Message.poll`). */
type PollContent = PollResults;

type Content = Record<string, unknown> | null;

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

export function readLocation(content: Content): LocationContent | null {
  if (!content || typeof content.latitude !== 'number' || typeof content.longitude !== 'number') return null;
  return {
    latitude: content.latitude,
    longitude: content.longitude,
    name: str(content.name),
    address: str(content.address),
    live: content.live === true,
  };
}

/** Phone numbers of a vCard: the WhatsApp id (waid) when present, else the TEL value. */
export function vcardPhones(vcard: string): string[] {
  const phones: string[] = [];
  for (const line of vcard.split(/\r?\n/)) {
    if (!/^(item\d+\.)?TEL/i.test(line)) continue;
    const waid = /waid=(\d+)/i.exec(line)?.[1];
    const value = line.slice(line.indexOf(':') + 1).trim();
    const phone = waid ? `+${waid}` : value;
    if (phone && !phones.includes(phone)) phones.push(phone);
  }
  return phones;
}

export function readContacts(content: Content): ContactCard[] {
  const list = Array.isArray(content?.contacts) ? (content.contacts as unknown[]) : [];
  return list.flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const card = entry as Record<string, unknown>;
    const vcard = str(card.vcard) ?? '';
    const name = str(card.displayName) ?? (/^FN:(.*)$/im.exec(vcard)?.[1]?.trim() || null);
    return [{ name, phones: vcardPhones(vcard) }];
  });
}

/**
 * A poll with its current votes: the core's tally (`poll`) when the message has one, else the
 * question and options from `content` with no votes counted.
 */
export function readPoll(message: Pick<Message, 'content' | 'poll'>): PollContent | null {
  if (message.poll) return message.poll;
  const content = message.content;
  if (!content) return null;
  const options = Array.isArray(content.options)
    ? content.options.filter((o): o is string => typeof o === 'string')
    : [];
  return {
    // No question: empty, and the view says "Poll" in the reader's language.
    name: str(content.name) ?? '',
    options: options.map((name) => ({ name, votes: 0, voters: [] })),
    selectableCount: typeof content.selectableCount === 'number' ? content.selectableCount : 0,
    totalVoters: 0,
  };
}

/** An option's share of the voters, as a whole percentage for its bar (0 with no voters). */
export function votePercent(votes: number, totalVoters: number): number {
  return totalVoters > 0 ? Math.round((votes / totalVoters) * 100) : 0;
}
