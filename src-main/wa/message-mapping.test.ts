import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { chatJidOf, decodeRawMessage, mapMessage, statusFromProto, vcardName } from './message-mapping.js';

const ME = '972500000000@s.whatsapp.net';
const CUSTOMER = '972501111111@s.whatsapp.net';

function incoming(message: proto.IMessage, extra: Partial<WAMessage> = {}): WAMessage {
  return {
    key: { remoteJid: CUSTOMER, fromMe: false, id: 'ABC123' },
    messageTimestamp: 1_700_000_000,
    pushName: 'Dana',
    message,
    ...extra,
  } as WAMessage;
}

describe('mapMessage', () => {
  it('maps a text with a quote and mentions, keeping the raw protobuf', () => {
    const mapped = mapMessage(
      incoming({
        extendedTextMessage: {
          text: 'see above @972502222222',
          contextInfo: { stanzaId: 'Q1', mentionedJid: ['972502222222@s.whatsapp.net'] },
        },
      }),
      ME,
    );
    expect(mapped.kind).toBe('message');
    if (mapped.kind !== 'message') return;
    expect(mapped.record).toMatchObject({
      chatJid: CUSTOMER,
      id: 'ABC123',
      fromMe: false,
      senderJid: CUSTOMER,
      senderName: 'Dana',
      type: 'text',
      text: 'see above @972502222222',
      quotedId: 'Q1',
      mentions: ['972502222222@s.whatsapp.net'],
      timestamp: 1_700_000_000_000,
    });
    expect(decodeRawMessage(mapped.record.raw).key.id).toBe('ABC123');
  });

  it('maps media with its caption and metadata, and voice notes', () => {
    const image = mapMessage(
      incoming({ imageMessage: { caption: 'menu', mimetype: 'image/jpeg', fileLength: 1234 } }),
      ME,
    );
    expect(image.kind === 'message' && image.record).toMatchObject({
      type: 'image',
      text: 'menu',
      media: { mimetype: 'image/jpeg', size: 1234, voiceNote: false, stored: false },
    });
    const voice = mapMessage(incoming({ audioMessage: { ptt: true, seconds: 7 } }), ME);
    expect(voice.kind === 'message' && voice.record.media).toMatchObject({ voiceNote: true, seconds: 7 });
  });

  it('turns reactions, edits and revokes into updates of the target message', () => {
    expect(mapMessage(incoming({ reactionMessage: { key: { id: 'T1' }, text: '👍' } }), ME)).toMatchObject({
      kind: 'reaction',
      targetId: 'T1',
      emoji: '👍',
      senderJid: CUSTOMER,
    });
    expect(
      mapMessage(
        incoming({
          protocolMessage: {
            type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
            key: { id: 'T2' },
            editedMessage: { conversation: 'fixed typo' },
          },
        }),
        ME,
      ),
    ).toMatchObject({ kind: 'edit', targetId: 'T2', text: 'fixed typo' });
    expect(
      mapMessage(
        incoming({ protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { id: 'T3' } } }),
        ME,
      ),
    ).toMatchObject({ kind: 'revoke', targetId: 'T3' });
  });

  it('files LID-addressed chats under the phone number and names group senders', () => {
    expect(chatJidOf({ remoteJid: '123456789@lid', remoteJidAlt: CUSTOMER })).toBe(CUSTOMER);
    const group = mapMessage(
      incoming({ conversation: 'hi all' }, {
        key: { remoteJid: '120363000000@g.us', participant: '987@lid', participantAlt: CUSTOMER, id: 'G1' },
      } as Partial<WAMessage>),
      ME,
    );
    expect(group.kind === 'message' && group.record).toMatchObject({
      chatJid: '120363000000@g.us',
      senderJid: CUSTOMER,
    });
  });

  it('ignores status broadcasts and plumbing, and our own messages are sent by us', () => {
    expect(
      mapMessage(incoming({ conversation: 'x' }, { key: { remoteJid: 'status@broadcast', id: 'S' } }), ME)
        .kind,
    ).toBe('ignore');
    const own = mapMessage(
      incoming({ conversation: 'on my way' }, { key: { remoteJid: CUSTOMER, fromMe: true, id: 'O1' } }),
      ME,
    );
    expect(own.kind === 'message' && own.record).toMatchObject({
      fromMe: true,
      senderJid: ME,
      senderName: null,
      status: 'server',
    });
  });
});

describe('helpers', () => {
  it('maps receipt statuses and vCard names', () => {
    expect(statusFromProto(proto.WebMessageInfo.Status.READ)).toBe('read');
    expect(statusFromProto(undefined)).toBeNull();
    expect(vcardName('BEGIN:VCARD\nVERSION:3.0\nFN:Avi Cohen\nEND:VCARD')).toBe('Avi Cohen');
    expect(vcardName(null)).toBeNull();
  });
});
