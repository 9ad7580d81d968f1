import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, listenHost, loadConfig, reachableHost } from './config.js';
import { defaultDataDir } from './paths.js';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-config-'));

  it('defaults to loopback, port 8787 and info logs', () => {
    const config = loadConfig({ CHATDOCK_DATA_DIR: dataDir });
    expect(config).toMatchObject({
      dataDir,
      host: null,
      port: DEFAULT_PORT,
      logLevel: 'info',
      apiKey: undefined,
      qrTimeoutMs: null,
    });
    expect(listenHost(config, false)).toBe('127.0.0.1');
    expect(listenHost(config, true)).toBe('0.0.0.0');
  });

  it('reads every environment variable', () => {
    const config = loadConfig({
      CHATDOCK_DATA_DIR: dataDir,
      CHATDOCK_HOST: '127.0.0.2',
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: ' a-key-of-24-characters!! ',
      CHATDOCK_ALLOWED_HOSTS: 'Chat.Example.com, shop-pc',
      CHATDOCK_LOG_LEVEL: 'debug',
      CHATDOCK_QR_TIMEOUT_MS: '30000',
    });
    expect(config).toMatchObject({
      host: '127.0.0.2',
      port: 0,
      apiKey: 'a-key-of-24-characters!!',
      allowedHosts: ['chat.example.com', 'shop-pc'],
      logLevel: 'debug',
      qrTimeoutMs: 30_000,
    });
    expect(listenHost(config, true)).toBe('127.0.0.2');
  });

  it('reaches an any-address server over loopback, a specific address as is', () => {
    expect(reachableHost('0.0.0.0')).toBe('127.0.0.1');
    expect(reachableHost('::')).toBe('127.0.0.1');
    expect(reachableHost('192.168.1.5')).toBe('192.168.1.5');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_PORT: 'eighty' })).toThrow(ConfigError);
    // A short admin key could be guessed: refused at start, saying how long it must be.
    expect(() => loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_API_KEY: 'secret123' })).toThrow(
      /CHATDOCK_API_KEY must be at least 24 characters \(it has 9\)/,
    );
    expect(() =>
      loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_ALLOWED_HOSTS: 'ok.example, bad host' }),
    ).toThrow(/CHATDOCK_ALLOWED_HOSTS/);
    expect(() => loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_PORT: '70000' })).toThrow(/CHATDOCK_PORT/);
    expect(() => loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_LOG_LEVEL: 'loud' })).toThrow(
      /CHATDOCK_LOG_LEVEL/,
    );
    for (const wrong of ['soon', '1.5', '50', '3600000']) {
      expect(() => loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_QR_TIMEOUT_MS: wrong })).toThrow(
        /CHATDOCK_QR_TIMEOUT_MS/,
      );
    }
  });

  it('reads a public URL as a base to append paths to, and refuses other schemes', () => {
    const config = loadConfig({
      CHATDOCK_DATA_DIR: dataDir,
      CHATDOCK_PUBLIC_URL: 'https://chat.example.com/shop/',
    });
    expect(config.publicUrl).toBe('https://chat.example.com/shop');
    expect(loadConfig({ CHATDOCK_DATA_DIR: dataDir }).publicUrl).toBeNull();
    expect(() => loadConfig({ CHATDOCK_DATA_DIR: dataDir, CHATDOCK_PUBLIC_URL: 'ftp://x' })).toThrow(
      /CHATDOCK_PUBLIC_URL/,
    );
  });

  it('takes values from config.json in the data dir, below the environment', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-config-'));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ port: 9000, logLevel: 'warn' }));
    expect(loadConfig({ CHATDOCK_DATA_DIR: dir })).toMatchObject({ port: 9000, logLevel: 'warn' });
    expect(loadConfig({ CHATDOCK_DATA_DIR: dir, CHATDOCK_PORT: '9001' }).port).toBe(9001);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ port: 'x' }));
    expect(() => loadConfig({ CHATDOCK_DATA_DIR: dir })).toThrow(/config\.json: port/);
  });

  it('reads the human pause of paced group sends (CHATDOCK_GROUP_PACE_MS): 2–5 s by default', () => {
    const pace = (value?: string) =>
      loadConfig({ CHATDOCK_DATA_DIR: dataDir, ...(value ? { CHATDOCK_GROUP_PACE_MS: value } : {}) })
        .groupPace;
    expect(pace()).toEqual({ minMs: 2000, maxMs: 5000 });
    expect(pace('1000-3000')).toEqual({ minMs: 1000, maxMs: 3000 });
    expect(pace('20000')).toEqual({ minMs: 20000, maxMs: 20000 });
    for (const bad of ['5000-2000', 'soon', '1-2-3', '-5', '700000'])
      expect(() => pace(bad)).toThrow(/CHATDOCK_GROUP_PACE_MS/);
  });

  it('puts data in the OS app-data folder by default', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Chatdock');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toContain('Chatdock');
    expect(defaultDataDir('darwin', {})).toMatch(/Library\/Application Support\/Chatdock$/);
  });
});
