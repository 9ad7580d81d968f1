import { describe, expect, it } from 'vitest';
import { electronAddonFile, sqliteNativeBinding } from './native-binding.js';

const node = { ...process.versions, modules: '115' } as NodeJS.ProcessVersions;
const electron = { ...node, electron: '45.4.1', modules: '140' } as NodeJS.ProcessVersions;

describe('the SQLite addon for the runtime the core is in', () => {
  it("under Node, better-sqlite3's own build", () => {
    expect(sqliteNativeBinding(node, () => true, '/repo')).toBeUndefined();
  });

  it("under Electron, the build made for Electron's ABI beside Node's when there is one", () => {
    const built = electronAddonFile('140', '/repo');
    expect(built).toBe('/repo/node_modules/.chatdock/better_sqlite3-electron-abi140.node');
    expect(sqliteNativeBinding(electron, (file) => file === built, '/repo')).toBe(built);
    // A packaged app (or an install where `npm start` rebuilt it in place): the default.
    expect(sqliteNativeBinding(electron, () => false, '/repo')).toBeUndefined();
  });
});
