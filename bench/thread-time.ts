/**
 * The main thread's own time on a CPU, from Linux's per-thread scheduler statistics
 * (`/proc/self/task/<tid>/schedstat`: nanoseconds run, nanoseconds runnable but waiting for a
 * core, timeslices). On a PC whose cores are taken by something else a synchronous call's wall
 * time includes the time its thread waited for a core, which no code change can remove; its CPU
 * time is the work the app did (issue #23 target 1: verdicts that hold on a busy PC).
 */
import { existsSync, readFileSync } from 'node:fs';

const FILE = `/proc/self/task/${process.pid}/schedstat`;

/** False where the kernel does not report per-thread run time (not Linux). */
export const threadTimeAvailable = existsSync(FILE);

/** The main thread's run time so far, ms; where the kernel does not say, the whole process's. */
export function threadCpuMs(): number {
  return threadTimes().runMs;
}

/**
 * The main thread's run time and its time runnable but waiting for a core, so far (ms). A
 * stretch's wall time less its wait is what it would have taken on an idle PC: its CPU plus its
 * time blocked in the kernel (the disk). Where the kernel does not say: the whole process's CPU
 * and no wait.
 */
export function threadTimes(): { runMs: number; waitMs: number } {
  if (!threadTimeAvailable) {
    const usage = process.cpuUsage();
    return { runMs: (usage.user + usage.system) / 1000, waitMs: 0 };
  }
  const [run, wait] = readFileSync(FILE, 'utf8').split(' ');
  return { runMs: Number(run) / 1e6, waitMs: Number(wait) / 1e6 };
}
