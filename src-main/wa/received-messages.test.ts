/**
 * The record of stored incoming messages that lets a message WhatsApp delivers again after a crash
 * (stored, but its receipt never went out) be receipted without decrypting it a second time.
 */
import type { WAMessage } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { clearAuthState } from './auth-store.js';
import { RECEIVED_KEEP_MS, receivedMessages } from './received-messages.js';

function setup() {
  const db = openDatabase(':memory:');
  db.$client.prepare("INSERT INTO sessions (id, name) VALUES ('shop', 'Shop'), ('other', 'Other')").run();
  return { db, shop: receivedMessages(db, 'shop'), other: receivedMessages(db, 'other') };
}

const message = (id: string, remoteJid = '15550001@s.whatsapp.net', remoteJidAlt?: string): WAMessage => ({
  key: { id, remoteJid, fromMe: false, ...(remoteJidAlt ? { remoteJidAlt } : {}) },
});

describe('received messages', () => {
  it('knows a message once it is recorded, per session and chat', () => {
    const { shop, other } = setup();
    expect(shop.has(message('A1'))).toBe(false);
    shop.record(message('A1'));
    expect(shop.has(message('A1'))).toBe(true);
    expect(other.has(message('A1'))).toBe(false);
    expect(shop.has(message('A1', '15550002@s.whatsapp.net'))).toBe(false);
    // Recording twice (a message stored again) is harmless.
    shop.record(message('A1'));
    expect(shop.has(message('A1'))).toBe(true);
  });

  it('matches a LID-addressed redelivery to the chat it was stored under (its phone number)', () => {
    const { shop } = setup();
    shop.record(message('L1', '123456@lid', '15550001@s.whatsapp.net'));
    expect(shop.has(message('L1', '15550001@s.whatsapp.net'))).toBe(true);
  });

  it('is part of the transaction that records it: a rolled-back store leaves it unknown', () => {
    const { db, shop } = setup();
    expect(() =>
      db.$client.transaction(() => {
        shop.record(message('R1'));
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    expect(shop.has(message('R1'))).toBe(false);
  });

  it('forgets ids older than WhatsApp keeps a message for an offline device, and on logout', () => {
    const { db, shop } = setup();
    const now = Date.UTC(2026, 0, 31);
    shop.record(message('old'), now - RECEIVED_KEEP_MS - 1);
    shop.record(message('new'), now - 1000);
    expect(shop.prune(now)).toBe(1);
    expect(shop.has(message('old'))).toBe(false);
    expect(shop.has(message('new'))).toBe(true);
    clearAuthState(db, 'shop');
    expect(shop.has(message('new'))).toBe(false);
  });

  it('ignores a message without an id or chat', () => {
    const { shop } = setup();
    const noId: WAMessage = { key: { remoteJid: '15550001@s.whatsapp.net' } };
    shop.record(noId);
    expect(shop.has(noId)).toBe(false);
  });
});
