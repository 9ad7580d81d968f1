import { describe, expect, it } from 'vitest';
import { backgroundTurn, turnsWaiting } from './background-turns.js';

const nextCheckPhase = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('background turns', () => {
  it('hands out one turn per turn of the event loop, in the order asked', async () => {
    const ran: string[] = [];
    void backgroundTurn().then(() => ran.push('history chunk'));
    void backgroundTurn().then(() => ran.push('fold tick'));
    void backgroundTurn().then(() => ran.push('campaign stretch'));
    expect(turnsWaiting()).toBe(3);
    await nextCheckPhase();
    expect(ran).toEqual(['history chunk']);
    await nextCheckPhase();
    expect(ran).toEqual(['history chunk', 'fold tick']);
    await nextCheckPhase();
    expect(ran).toEqual(['history chunk', 'fold tick', 'campaign stretch']);
    expect(turnsWaiting()).toBe(0);
  });

  it("serves the loop's timers between two background pieces", async () => {
    const ran: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // The timer is set inside the first piece (a setTimeout(0) set before the loop starts may
    // fire before or after the first immediate: Node does not order those two), and is due
    // before the loop's next turn: the second piece must wait for it.
    let timer: Promise<number> | null = null;
    const first = backgroundTurn().then(() => {
      ran.push('first piece');
      timer = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => ran.push('timer'));
      busy(5);
    });
    const second = backgroundTurn().then(() => ran.push('second piece'));
    await Promise.all([first, second]);
    await timer;
    expect(ran).toEqual(['first piece', 'timer', 'second piece']);
  });

  it('a piece that asks again waits for a later turn, behind the others', async () => {
    const ran: string[] = [];
    const job = async (name: string, pieces: number) => {
      for (let piece = 1; piece <= pieces; piece += 1) {
        await backgroundTurn();
        ran.push(`${name}${piece}`);
      }
    };
    await Promise.all([job('a', 3), job('b', 2)]);
    expect(ran).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });
});
