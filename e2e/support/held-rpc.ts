import type { Page, Route } from '@playwright/test';

/**
 * Holds the answers of chosen `/rpc/<operation>` calls until the test releases them, so a spec
 * can make the browser read racing answers in any order (the server has answered already; only
 * their arrival in the page waits). No timers: each release waits for the request it releases.
 */
export class HeldRpc {
  private readonly waiting = new Map<string, { answer: () => Promise<void> }[]>();
  private readonly arrived = new Map<string, (() => void)[]>();
  /** Every call of a held operation, in the order the page made them (with its input). */
  readonly asked: { operation: string; input: unknown }[] = [];

  private constructor(private readonly page: Page) {}

  static async on(page: Page, operations: string[]): Promise<HeldRpc> {
    const held = new HeldRpc(page);
    for (const operation of operations) {
      await page.route(`**/rpc/${operation}`, (route) => held.hold(operation, route));
    }
    return held;
  }

  private async hold(operation: string, route: Route): Promise<void> {
    this.asked.push({ operation, input: route.request().postDataJSON() as unknown });
    const response = await route.fetch();
    const list = this.waiting.get(operation) ?? [];
    list.push({ answer: () => route.fulfill({ response }) });
    this.waiting.set(operation, list);
    for (const wake of this.arrived.get(operation)?.splice(0) ?? []) wake();
  }

  /**
   * Waits until the page asked `operation` `count` times (their answers in hand), then lets every
   * held answer of it through.
   */
  async release(operation: string, count = 1): Promise<void> {
    while ((this.waiting.get(operation)?.length ?? 0) < count) {
      await new Promise<void>((resolve) => {
        const list = this.arrived.get(operation) ?? [];
        list.push(resolve);
        this.arrived.set(operation, list);
      });
    }
    const pending = this.waiting.get(operation)!.splice(0);
    await Promise.all(pending.map((held) => held.answer()));
  }

  /** Stops holding: later calls go straight through. */
  async stop(): Promise<void> {
    await this.page.unrouteAll({ behavior: 'ignoreErrors' });
    for (const list of this.waiting.values()) {
      await Promise.all(list.splice(0).map((held) => held.answer().catch(() => undefined)));
    }
  }
}
