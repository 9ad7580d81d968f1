import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSecret, secretKey, sign, signatureHeaders } from './signature.js';

describe('webhook signing', () => {
  it('makes whsec_ secrets of 24 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(secretKey(secret)).toHaveLength(24);
    expect(generateSecret()).not.toBe(secret);
  });

  it('signs so that the standardwebhooks library verifies it', () => {
    const secret = generateSecret();
    const body = JSON.stringify({ id: 'evt_1', type: 'message.received', data: { text: 'שלום 👋' } });
    const headers = signatureHeaders(secret, 'evt_1', Math.floor(Date.now() / 1000), body);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ data: { text: 'שלום 👋' } });
  });

  it('matches the library’s own signature byte for byte', () => {
    const secret = generateSecret();
    const when = new Date('2026-11-21T10:00:00Z');
    expect(sign(secret, 'evt_2', when.getTime() / 1000, '{"a":1}')).toBe(
      new Webhook(secret).sign('evt_2', when, '{"a":1}'),
    );
  });

  it('fails verification with another secret or a changed body', () => {
    const secret = generateSecret();
    const body = '{"id":"evt_3"}';
    const headers = signatureHeaders(secret, 'evt_3', Math.floor(Date.now() / 1000), body);
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify('{"id":"evt_4"}', headers)).toThrow();
  });
});
