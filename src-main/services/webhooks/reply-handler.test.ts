import { describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Call, Message } from '../../../src-shared/messages.js';
import { createLogger } from '../../core/logger.js';
import { MAX_REPLY_TEXT_CHARS, ReplyHandler, parseReply, type WebhookReplyActions } from './reply-handler.js';

const message: Message = {
  id: 'MSG1',
  session: 'shop',
  chat: '972501234567@s.whatsapp.net',
  fromMe: false,
  sender: '972501234567@s.whatsapp.net',
  senderName: 'Dana',
  type: 'text',
  text: 'Do you open on Friday?',
  media: null,
  content: null,
  quotedId: null,
  mentions: [],
  status: 'delivered',
  timestamp: '2026-11-21T10:00:00.000Z',
  timestampUnix: 1795255200,
  edited: false,
  revoked: false,
  forwarded: false,
  reactions: [],
};

const call: Call = {
  session: 'shop',
  id: 'CALL1',
  from: '972501234567@s.whatsapp.net',
  isVideo: false,
  isGroup: false,
  status: 'offer',
  timestamp: '2026-11-21T10:00:00.000Z',
  rejectMessage: null,
};

function envelope(type: string, data: unknown, session: string | null = 'shop'): AnyEventEnvelope {
  return { id: 'evt_1', type, session, timestamp: '2026-11-21T10:00:00.000Z', data } as AnyEventEnvelope;
}

class FakeActions implements WebhookReplyActions {
  readonly calls: string[][] = [];
  failWith: Error | null = null;

  replyText(sessionId: string, chatJid: string, text: string): Promise<void> {
    this.calls.push(['replyText', sessionId, chatJid, text]);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }

  rejectCall(sessionId: string, callId: string, callerJid: string, text: string): Promise<void> {
    this.calls.push(['rejectCall', sessionId, callId, callerJid, text]);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
}

function handler() {
  const { logger, ring } = createLogger('silent');
  const replies = new ReplyHandler(logger);
  const actions = new FakeActions();
  replies.setActions(actions);
  return { replies, actions, ring };
}

describe('receiver answers', () => {
  it('sends {"reply"} to a received message back into its chat', async () => {
    const { replies, actions } = handler();
    await replies.handle('wh_1', envelope('message.received', message), '{"reply": "Yes, 9 to 14 🥐"}');
    expect(actions.calls).toEqual([['replyText', 'shop', message.chat, 'Yes, 9 to 14 🥐']]);
  });

  it('rejects a received call with {"rejectMessage"}', async () => {
    const { replies, actions } = handler();
    await replies.handle('wh_1', envelope('call.received', call), '{"rejectMessage":"Please write to us"}');
    expect(actions.calls).toEqual([['rejectCall', 'shop', 'CALL1', call.from, 'Please write to us']]);
  });

  it('does nothing for other event types, other answers, or empty text', async () => {
    const { replies, actions } = handler();
    await replies.handle('wh_1', envelope('message.sent', message), '{"reply":"no"}');
    await replies.handle('wh_1', envelope('call.received', call), '{"reply":"wrong key for calls"}');
    await replies.handle('wh_1', envelope('message.received', message), '{"rejectMessage":"wrong key"}');
    await replies.handle('wh_1', envelope('message.received', message), '{"reply":"   "}');
    await replies.handle('wh_1', envelope('message.received', message), 'OK');
    await replies.handle('wh_1', envelope('message.received', message), '');
    await replies.handle('wh_1', envelope('message.received', message), null);
    await replies.handle(
      'wh_1',
      envelope('message.received', { ...message, fromMe: true }),
      '{"reply":"loop"}',
    );
    expect(actions.calls).toEqual([]);
  });

  it('refuses a reply that is too long or not text, and says why in the log', async () => {
    const { replies, actions, ring } = handler();
    const long = JSON.stringify({ reply: 'x'.repeat(MAX_REPLY_TEXT_CHARS + 1) });
    await replies.handle('wh_1', envelope('message.received', message), long);
    await replies.handle('wh_1', envelope('message.received', message), '{"reply": 42}');
    await replies.handle('wh_1', envelope('message.received', message), '{"reply": "unterminated');
    expect(actions.calls).toEqual([]);
    const reasons = ring.query(40).map((line) => line.reason);
    expect(reasons).toEqual([
      expect.stringContaining('1 to 4096 characters'),
      expect.stringContaining('1 to 4096 characters'),
      'answer is not valid JSON',
    ]);
  });

  it('bounds the whole answer, not just the text', () => {
    const padded = JSON.stringify({ reply: 'ok', padding: 'x'.repeat(20_000) });
    expect(parseReply(envelope('message.received', message), padded)).toEqual({
      ignored: expect.stringContaining('answer over'),
    });
  });

  it('logs a failed action and does not throw', async () => {
    const { replies, actions, ring } = handler();
    actions.failWith = new Error('not connected');
    await expect(
      replies.handle('wh_1', envelope('message.received', message), '{"reply":"hi"}'),
    ).resolves.toBeUndefined();
    const failure = ring.query(40).find((line) => line.msg === 'webhook answer failed');
    expect(failure).toMatchObject({ action: 'reply', err: { message: 'not connected' } });
  });

  it('logs when no reply actions are registered yet', async () => {
    const { logger, ring } = createLogger('silent');
    await new ReplyHandler(logger).handle('wh_1', envelope('message.received', message), '{"reply":"hi"}');
    expect(ring.query(40).map((line) => line.msg)).toEqual([
      'webhook answer ignored: replies are not available',
    ]);
  });
});
