/**
 * `--noise`: a competing process that keeps one core busy for the whole run, the way another
 * program (a build, a backup, a browser tab) does on a shop PC. It is a separate process, not a
 * thread, so it competes for the CPU exactly as a foreign program would. The machine's load
 * average is printed at the start and the end, so a run says how busy the machine was anyway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

const BUSY_LOOP = 'let x = 0; for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }';

export interface Noise {
  pid: number | undefined;
  stop(): void;
}

export function startNoise(): Noise {
  const child: ChildProcess = spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // The noise must not outlive the bench, however it ends.
  process.once('exit', stop);
  return { pid: child.pid, stop };
}

/** "load average 1.02, 0.87, 0.66" (1, 5 and 15 minutes), as `uptime` shows it. */
export function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')}`;
}
