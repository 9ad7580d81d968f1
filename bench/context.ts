/** What every case gets: the core on the generated database, the history and the raw side. */
import type { Core } from '../src-main/app/container.js';
import type { RawReads } from './baseline.js';
import type { History } from './generate.js';

export interface BenchContext {
  core: Core;
  history: History;
  /** The app's data dir (holds chatdock.db). */
  dataDir: string;
  /** Scratch space for the raw baseline's database and the like. */
  workDir: string;
  sessionIds: readonly string[];
  raw: RawReads;
  /** --scale: 1 = 1M messages. */
  scale: number;
  /** Fewer iterations (--quick), for trying the bench out. */
  quick: boolean;
  log(line: string): void;
}
