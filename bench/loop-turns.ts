/**
 * The event loop's turns as the main thread's own CPU time (issue #23 target 1: verdicts that
 * hold on a busy PC). `monitorEventLoopDelay` measures a block in wall time, so on a machine
 * whose cores are shared a turn that needed 5 ms of work reads as 300 ms when the thread waited
 * for a core in the middle of it. Linux counts each thread's time on a CPU
 * (`/proc/self/task/<tid>/schedstat`: nanoseconds run, nanoseconds runnable but waiting); a timer
 * every few milliseconds reads it, and each gap between two firings is one or more turns of the
 * loop: the CPU the main thread spent in it is the block the app caused, the wait the machine's.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { threadTimeAvailable, threadTimes } from './thread-time.js';

export interface TurnStats {
  /** The costliest gap: the main thread's CPU in it, and its wall time. */
  maxCpuMs: number;
  wallOfMaxMs: number;
  p99CpuMs: number;
  /**
   * The longest gap without the time the thread waited for a core (its CPU and its time blocked
   * in the kernel): how long the loop would have been held on an idle PC.
   */
  maxOwnMs: number;
  gaps: number;
  /**
   * The garbage collector's pauses of the main thread inside the costliest gap (V8's `gc`
   * performance entries): a turn the app's own code did not cause shows up here.
   */
  gcOfMaxMs: number;
  /** The longest single collector pause while measuring, and its kind. */
  maxGcMs: number;
  maxGcKind: string;
  /**
   * The JavaScript heap in use when the measurement started (MB): a mark-compact's pause grows
   * with it, and in the whole bench it holds what the cases before left (session 25).
   */
  heapAtStartMb: number;
}

/** V8's kinds of collection, as Node's `gc` entries number them. */
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'a scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'a mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

const EVERY_MS = 2;

export class LoopTurns {
  private readonly cpu: number[] = [];
  private readonly wall: number[] = [];
  private readonly own: number[] = [];
  /** Each gap's end (performance.now()); its start is the previous gap's end. */
  private readonly ends: number[] = [];
  private started = 0;
  private heapAtStart = 0;
  private readonly gc: PerformanceEntry[] = [];
  private readonly gcObserver = new PerformanceObserver((list) => this.gc.push(...list.getEntries()));
  private timer: NodeJS.Timeout | null = null;

  /** False where the kernel does not report per-thread run time (not Linux). */
  get available(): boolean {
    return threadTimeAvailable;
  }

  start(): void {
    if (!this.available) return;
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.heapAtStart = getHeapStatistics().used_heap_size;
    let last = threadTimes();
    let lastWall = performance.now();
    this.started = lastWall;
    this.timer = setInterval(() => {
      const times = threadTimes();
      const wall = performance.now();
      this.cpu.push(times.runMs - last.runMs);
      this.wall.push(wall - lastWall);
      this.own.push(Math.max(0, wall - lastWall - (times.waitMs - last.waitMs)));
      this.ends.push(wall);
      last = times;
      lastWall = wall;
    }, EVERY_MS);
  }

  stop(): TurnStats | null {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.gcObserver.disconnect();
    if (this.cpu.length === 0) return null;
    let worst = 0;
    for (let i = 1; i < this.cpu.length; i += 1) if ((this.cpu[i] ?? 0) > (this.cpu[worst] ?? 0)) worst = i;
    const sorted = [...this.cpu].sort((a, b) => a - b);
    const longest = this.gc.reduce<PerformanceEntry | null>(
      (a, b) => (a === null || b.duration > a.duration ? b : a),
      null,
    );
    return {
      maxCpuMs: this.cpu[worst] ?? 0,
      wallOfMaxMs: this.wall[worst] ?? 0,
      p99CpuMs: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
      maxOwnMs: Math.max(...this.own),
      gaps: this.cpu.length,
      gcOfMaxMs: this.gcWithin(
        worst === 0 ? this.started : (this.ends[worst - 1] ?? 0),
        this.ends[worst] ?? 0,
      ),
      maxGcMs: longest?.duration ?? 0,
      maxGcKind: longest
        ? (GC_KINDS[(longest as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other')
        : '–',
      heapAtStartMb: this.heapAtStart / 1e6,
    };
  }

  /** The collector's pause time overlapping [from, to]. */
  private gcWithin(from: number, to: number): number {
    let total = 0;
    for (const entry of this.gc) {
      const overlap = Math.min(to, entry.startTime + entry.duration) - Math.max(from, entry.startTime);
      if (overlap > 0) total += overlap;
    }
    return total;
  }
}
