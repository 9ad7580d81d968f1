/**
 * A live event can overtake the answer of a load that began before it: the answer left the
 * core first, but the browser reads it later. A store that then replaces its list with the
 * answer would drop what the event changed (a session created by a script would never show).
 * So changes made from events while a load runs are kept, and run again once its answer is in.
 * Changes must be idempotent (upsert, remove), as they run twice.
 *
 * A load may be about one thing (the conversation store's pages are about one chat): it then
 * keeps only the changes about that thing, and a change about something not shown yet (a chat
 * whose page was asked on the click, before it opened) can be kept for it without being made now.
 */
export class EventsDuringLoad {
  /** One entry per running load: what it is about and the changes heard since it began, freed when it settles. */
  private readonly running = new Set<{ about: string | undefined; heard: Array<() => void> }>();

  /** Makes a change now, and again after each load running now (about `about`) has applied its answer. */
  apply(change: () => void, about?: string): void {
    change();
    this.keep(change, about);
  }

  /** Keeps a change for the loads running now about `about`, without making it now. */
  keep(change: () => void, about?: string): void {
    for (const load of this.running) if (load.about === about) load.heard.push(change);
  }

  /**
   * Runs `fetch`. The caller applies the answer, then calls `replay` at once (in the same tick,
   * so no further event slips in between) to make again the changes heard meanwhile.
   */
  async load<T>(fetch: () => Promise<T>, about?: string): Promise<{ answer: T; replay: () => void }> {
    const load = { about, heard: [] as Array<() => void> };
    this.running.add(load);
    try {
      const answer = await fetch();
      return { answer, replay: () => load.heard.forEach((change) => change()) };
    } finally {
      this.running.delete(load);
    }
  }
}
