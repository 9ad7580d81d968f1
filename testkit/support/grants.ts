/** A person's grant on a number, as `PUT /sessions/{id}/permissions` takes it: reads and writes, no extras. */
export function personGrant(id: string, read: 'all' | 'assigned' = 'all') {
  return {
    subject: { type: 'user' as const, id },
    read,
    write: true,
    canUseTags: false,
    canManageSavedReplies: false,
  };
}
