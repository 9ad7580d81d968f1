import { useEffect, useState } from 'react';
import type { Contact } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { parseTypedPhone } from '../../model/phone';

const SEARCH_DEBOUNCE_MS = 200;
const LIMIT = 8;

/**
 * The stored contacts of a number whose name (or number) matches what is being typed, for the
 * pickers that take "a contact or a number" (New chat, a contact card, schedule recipients).
 * Nothing is looked up for an empty box or for text that already is a phone number, unless
 * `numbersToo` asks to match digits as well.
 */
export function useContactSearch(
  session: string | null | undefined,
  text: string,
  { numbersToo = false }: { numbersToo?: boolean } = {},
): Contact[] {
  const transport = useTransport();
  const [contacts, setContacts] = useState<Contact[]>([]);

  useEffect(() => {
    const query = text.trim();
    if (!session || !query || (!numbersToo && parseTypedPhone(query))) {
      setContacts([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      transport
        .call('contacts.list', { session, q: query, limit: LIMIT })
        .then((found) => current && setContacts(found.filter((contact) => contact.phone)))
        .catch(() => current && setContacts([]));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, session, text, numbersToo]);

  return contacts;
}
