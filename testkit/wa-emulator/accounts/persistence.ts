/** Loads and saves the emulator state as JSON (Buffers as base64, via Baileys' BufferJSON). */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { BufferJSON } from '@whiskeysockets/baileys';

import type { EmulatorState } from './types.js';

const STATE_FILE = 'state.json';

export function emptyState(): EmulatorState {
  return { version: 1, accounts: {}, groups: {} };
}

export function loadState(stateDir: string | undefined): EmulatorState {
  if (!stateDir) {
    return emptyState();
  }
  const file = join(stateDir, STATE_FILE);
  if (!existsSync(file)) {
    return emptyState();
  }
  const parsed = JSON.parse(readFileSync(file, 'utf-8'), BufferJSON.reviver) as EmulatorState;
  if (parsed.version !== 1) {
    throw new Error(`unsupported emulator state version ${String(parsed.version)} in ${file}`);
  }
  return parsed;
}

export function saveState(stateDir: string, state: EmulatorState): void {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, STATE_FILE);
  // Write then rename, so a crash mid-write never leaves a truncated state file.
  writeFileSync(`${file}.tmp`, JSON.stringify(state, BufferJSON.replacer, 1));
  renameSync(`${file}.tmp`, file);
}
