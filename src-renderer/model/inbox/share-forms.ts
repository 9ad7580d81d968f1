/**
 * The composer's "share" forms (a place, a contact card, a poll) as pure functions: what was
 * typed goes in, either the message to send or the problems by field comes out. The limits are
 * the API's (`src-shared/send-schemas.ts`), checked here first so each problem can be said
 * beside its field in the reader's words instead of as an API error after sending.
 */
import type { SendMessageInput } from '../../../src-shared/send-schemas';
import type { CountryCode } from 'libphonenumber-js/min';
import { parseTypedPhone } from '../phone';

/** A message id of the `inbox-share` catalogue area, with its values. */
export interface FieldProblem {
  id:
    | 'inbox-share.error.required'
    | 'inbox-share.error.latitude'
    | 'inbox-share.error.longitude'
    | 'inbox-share.error.tooLong'
    | 'inbox-share.error.phone'
    | 'inbox-share.error.optionsMin'
    | 'inbox-share.error.duplicate';
  values?: Record<string, number>;
}

export type Checked<Field extends string> =
  { ok: true; input: SendMessageInput } | { ok: false; problems: Partial<Record<Field, FieldProblem>> };

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 12;
const POLL_QUESTION_MAX = 255;
const POLL_OPTION_MAX = 100;
const PLACE_NAME_MAX = 256;
const PLACE_ADDRESS_MAX = 512;
const CONTACT_NAME_MAX = 256;

/** A decimal typed with a dot or a comma ("32,0853" in many locales); null when it is not one. */
export function parseCoordinate(text: string): number | null {
  const normal = text.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

export type LocationField = 'latitude' | 'longitude' | 'name' | 'address';

export function checkLocation(
  to: string,
  typed: { latitude: string; longitude: string; name: string; address: string },
): Checked<LocationField> {
  const problems: Partial<Record<LocationField, FieldProblem>> = {};
  const latitude = parseCoordinate(typed.latitude);
  const longitude = parseCoordinate(typed.longitude);
  if (!typed.latitude.trim()) problems.latitude = { id: 'inbox-share.error.required' };
  else if (latitude === null || Math.abs(latitude) > 90)
    problems.latitude = { id: 'inbox-share.error.latitude' };
  if (!typed.longitude.trim()) problems.longitude = { id: 'inbox-share.error.required' };
  else if (longitude === null || Math.abs(longitude) > 180)
    problems.longitude = { id: 'inbox-share.error.longitude' };
  const name = typed.name.trim();
  const address = typed.address.trim();
  if (name.length > PLACE_NAME_MAX)
    problems.name = { id: 'inbox-share.error.tooLong', values: { max: PLACE_NAME_MAX } };
  if (address.length > PLACE_ADDRESS_MAX)
    problems.address = { id: 'inbox-share.error.tooLong', values: { max: PLACE_ADDRESS_MAX } };
  if (Object.keys(problems).length > 0 || latitude === null || longitude === null)
    return { ok: false, problems };
  return {
    ok: true,
    input: {
      type: 'location',
      to,
      latitude,
      longitude,
      ...(name ? { name } : {}),
      ...(address ? { address } : {}),
    },
  };
}

export type ContactField = 'name' | 'phone';

/** A card for one person: the name shown on the card and their number (read in `country` without a +). */
export function checkContact(
  to: string,
  typed: { name: string; phone: string },
  country?: CountryCode,
): Checked<ContactField> {
  const problems: Partial<Record<ContactField, FieldProblem>> = {};
  const name = typed.name.trim();
  if (!name) problems.name = { id: 'inbox-share.error.required' };
  else if (name.length > CONTACT_NAME_MAX)
    problems.name = { id: 'inbox-share.error.tooLong', values: { max: CONTACT_NAME_MAX } };
  const phone = parseTypedPhone(typed.phone, country);
  if (!typed.phone.trim()) problems.phone = { id: 'inbox-share.error.required' };
  else if (!phone) problems.phone = { id: 'inbox-share.error.phone' };
  if (Object.keys(problems).length > 0 || !phone) return { ok: false, problems };
  return { ok: true, input: { type: 'contact', to, contacts: [{ name, phone: `+${phone.digits}` }] } };
}

/** `question`, `options` (the list as a whole) or `option.N` (the N-th box, from 0). */
export type PollField = 'question' | 'options' | `option.${number}`;

export function checkPoll(
  to: string,
  typed: { question: string; options: string[]; multiple: boolean },
): Checked<PollField> {
  const problems: Partial<Record<PollField, FieldProblem>> = {};
  const question = typed.question.trim();
  if (!question) problems.question = { id: 'inbox-share.error.required' };
  else if (question.length > POLL_QUESTION_MAX)
    problems.question = { id: 'inbox-share.error.tooLong', values: { max: POLL_QUESTION_MAX } };
  // Empty boxes are simply left out (a form always offers one more); the rest must differ.
  const seen = new Set<string>();
  const options: string[] = [];
  typed.options.forEach((raw, index) => {
    const option = raw.trim();
    if (!option) return;
    const key = option.toLocaleLowerCase();
    if (option.length > POLL_OPTION_MAX)
      problems[`option.${index}`] = { id: 'inbox-share.error.tooLong', values: { max: POLL_OPTION_MAX } };
    else if (seen.has(key)) problems[`option.${index}`] = { id: 'inbox-share.error.duplicate' };
    seen.add(key);
    options.push(option);
  });
  if (options.length < POLL_MIN_OPTIONS)
    problems.options = { id: 'inbox-share.error.optionsMin', values: { min: POLL_MIN_OPTIONS } };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      type: 'poll',
      to,
      name: question,
      options: options.slice(0, POLL_MAX_OPTIONS),
      // WhatsApp's own choice: 1 is "one answer", 0 "any number of answers".
      selectableCount: typed.multiple ? 0 : 1,
    },
  };
}

/** The option boxes a poll form shows: what was typed plus one empty box, up to the maximum. */
export function pollBoxes(options: string[]): string[] {
  const filled = options.filter((option, index) => option.trim() || index < options.length - 1);
  const last = filled[filled.length - 1];
  const withEmpty = last === undefined || last.trim() ? [...filled, ''] : filled;
  while (withEmpty.length < POLL_MIN_OPTIONS) withEmpty.push('');
  return withEmpty.slice(0, POLL_MAX_OPTIONS);
}
