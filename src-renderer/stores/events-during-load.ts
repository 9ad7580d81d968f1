/**
 * A live event can overtake the answer of a load that began before it: the answer left the
 * core first, but the browser reads it later. A store that then replaces its list with the
 * answer would drop what the event changed (a session created by a script would never show).
 * So changes made from events while a load runs are kept, and run again once its answer is in.
 * Changes must be idempotent (upsert, remove), as they run twice.
 */
export class EventsDuringLoad {
  /** One list per running load: the changes heard since it began, freed when it settles. */
  private readonly running = new Set<Array<() => void>>();

  /** Makes a change now, and again after each load running now has applied its answer. */
  apply(change: () => void): void {
    change();
    for (const heard of this.running) heard.push(change);
  }

  /**
   * Runs `fetch`. The caller applies the answer, then calls `replay` at once (in the same
   * tick, so no further event slips in between) to make again the changes heard meanwhile.
   */
  async load<T>(fetch: () => Promise<T>): Promise<{ answer: T; replay: () => void }> {
    const heard: Array<() => void> = [];
    this.running.add(heard);
    try {
      const answer = await fetch();
      return { answer, replay: () => heard.forEach((change) => change()) };
    } finally {
      this.running.delete(heard);
    }
  }
}
