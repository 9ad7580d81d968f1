import { describe, expect, it } from 'vitest';
import { sentByLabel } from './sent-by';

describe('who an outgoing bubble says sent it', () => {
  const out = (sentBy?: Parameters<typeof sentByLabel>[0]['sentBy']) => sentByLabel({ fromMe: true, sentBy });

  it('names the person, the API key, the campaign, the schedule and automation', () => {
    expect(out({ type: 'user', id: 'usr_1', name: 'Dana Levi' })).toEqual({
      kind: 'person',
      name: 'Dana Levi',
    });
    expect(out({ type: 'key', id: 'key_1', name: 'API: crm' })).toEqual({ kind: 'api', name: 'crm' });
    // The built-in keys, named by the server in English, are said in the reader's language.
    expect(out({ type: 'key', id: 'key_0', name: 'API: admin key' })).toEqual({ kind: 'adminKey' });
    expect(out({ type: 'key', id: 'key_2', name: 'API: session key shop' })).toEqual({
      kind: 'sessionKey',
      session: 'shop',
    });
    expect(out({ type: 'system', id: null, name: 'Campaign: Hanukkah' })).toEqual({
      kind: 'campaign',
      name: 'Hanukkah',
    });
    expect(out({ type: 'system', id: null, name: 'Scheduled message' })).toEqual({ kind: 'schedule' });
    expect(out({ type: 'system', id: null, name: 'Automation: Greeting' })).toEqual({
      kind: 'automation',
      name: 'Greeting',
    });
    expect(out({ type: 'desktop', id: null, name: 'Desktop' })).toEqual({ kind: 'desktop' });
  });

  it('says "Phone" for our messages Chatdock did not send, and nothing on received ones', () => {
    expect(out(undefined)).toEqual({ kind: 'phone' });
    expect(sentByLabel({ fromMe: false, sentBy: undefined })).toBeNull();
  });

  it('keeps a person whose name looks like a prefix as a person', () => {
    expect(out({ type: 'user', id: 'usr_2', name: 'Campaign: Bob' })).toEqual({
      kind: 'person',
      name: 'Campaign: Bob',
    });
  });
});
