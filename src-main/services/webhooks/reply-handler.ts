import { z } from 'zod';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { Logger } from '../../core/logger.js';

/**
 * What a receiver's answer can make Chatdock do. Implemented by the messaging and calls
 * services and registered with `WebhookService.setReplyActions`.
 */
export interface WebhookReplyActions {
  /** Sends `text` into the chat the received message came from. */
  replyText(sessionId: string, chatJid: string, text: string): Promise<void>;
  /** Rejects a ringing call and sends `message` to the caller. */
  rejectCall(sessionId: string, callId: string, callerJid: string, message: string): Promise<void>;
}

/** Answers larger than this are not read as commands. */
const MAX_REPLY_BODY_CHARS = 16 * 1024;
export const MAX_REPLY_TEXT_CHARS = 4096;
const MAX_REJECT_MESSAGE_CHARS = 1024;

const replyBody = z.object({ reply: z.string().trim().min(1).max(MAX_REPLY_TEXT_CHARS) });
const rejectBody = z.object({ rejectMessage: z.string().trim().min(1).max(MAX_REJECT_MESSAGE_CHARS) });

type ReplyCommand =
  | { kind: 'reply'; sessionId: string; chat: string; text: string }
  | { kind: 'rejectCall'; sessionId: string; callId: string; caller: string; message: string };

/** Why an answer did not become a command (for the log), or null when there was nothing to do. */
type ParsedReply = { command: ReplyCommand } | { ignored: string | null };

function field(data: unknown, name: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' && value ? value : null;
}

/**
 * Reads a receiver's 2xx answer to an event: `{"reply": "…"}` to a `message.received` or an
 * `automation.rule_matched` (a keyword rule's webhook), `{"rejectMessage": "…"}` to a
 * `call.received`. Anything else (an empty body, other JSON, other event types) is no command.
 */
export function parseReply(event: AnyEventEnvelope, responseText: string | null): ParsedReply {
  if (
    event.type !== 'message.received' &&
    event.type !== 'call.received' &&
    event.type !== 'automation.rule_matched'
  )
    return { ignored: null };
  const text = responseText?.trim();
  if (!text || !text.startsWith('{')) return { ignored: null };
  if (text.length > MAX_REPLY_BODY_CHARS)
    return { ignored: `answer over ${MAX_REPLY_BODY_CHARS} characters` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ignored: 'answer is not valid JSON' };
  }
  const sessionId = event.session;
  if (!sessionId) return { ignored: 'event has no session' };

  if (event.type === 'message.received' || event.type === 'automation.rule_matched') {
    if (!(typeof json === 'object' && json !== null && 'reply' in json)) return { ignored: null };
    const parsed = replyBody.safeParse(json);
    if (!parsed.success) {
      return { ignored: `"reply" must be text of 1 to ${MAX_REPLY_TEXT_CHARS} characters` };
    }
    const chat = field(event.data, 'chat');
    if (!chat) return { ignored: 'the message has no chat' };
    if ((event.data as { fromMe?: unknown }).fromMe === true) return { ignored: 'the message is our own' };
    return { command: { kind: 'reply', sessionId, chat, text: parsed.data.reply } };
  }

  if (!(typeof json === 'object' && json !== null && 'rejectMessage' in json)) return { ignored: null };
  const parsed = rejectBody.safeParse(json);
  if (!parsed.success) {
    return { ignored: `"rejectMessage" must be text of 1 to ${MAX_REJECT_MESSAGE_CHARS} characters` };
  }
  const callId = field(event.data, 'id');
  const caller = field(event.data, 'from');
  if (!callId || !caller) return { ignored: 'the call has no id or caller' };
  return { command: { kind: 'rejectCall', sessionId, callId, caller, message: parsed.data.rejectMessage } };
}

/** Turns receivers' answers into actions; failures are logged, never retried (no double replies). */
export class ReplyHandler {
  private actions: WebhookReplyActions | null = null;

  constructor(private readonly logger: Logger) {}

  setActions(actions: WebhookReplyActions): void {
    this.actions = actions;
  }

  /** Resolves once the action finished or failed; never rejects. */
  async handle(webhookId: string, event: AnyEventEnvelope, responseText: string | null): Promise<void> {
    const parsed = parseReply(event, responseText);
    const context = { webhookId, eventId: event.id, eventType: event.type };
    if ('ignored' in parsed) {
      if (parsed.ignored) this.logger.warn({ ...context, reason: parsed.ignored }, 'webhook answer ignored');
      return;
    }
    if (!this.actions) {
      this.logger.warn(context, 'webhook answer ignored: replies are not available');
      return;
    }
    const { command } = parsed;
    try {
      if (command.kind === 'reply') {
        await this.actions.replyText(command.sessionId, command.chat, command.text);
      } else {
        await this.actions.rejectCall(command.sessionId, command.callId, command.caller, command.message);
      }
      this.logger.info({ ...context, action: command.kind }, 'webhook answer carried out');
    } catch (error) {
      this.logger.warn({ ...context, action: command.kind, err: error }, 'webhook answer failed');
    }
  }
}
