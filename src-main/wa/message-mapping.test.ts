import { createHash, randomBytes } from 'node:crypto';
import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { pollVoteMessage } from '../../testkit/wa-emulator/poll-vote.js';
import { vcardName } from './message-bodies.js';
import { chatJidOf, decodeRawMessage, mapMessage, statusFromProto } from './message-mapping.js';

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
  it('maps a message Baileys could not decrypt to a waiting row with no content', () => {
    const stub = {
      key: { remoteJid: CUSTOMER, fromMe: false, id: 'UNREADABLE1' },
      messageTimestamp: 1_700_000_000,
      pushName: 'Dana',
      messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT,
      messageStubParameters: ['Bad MAC'],
    } as WAMessage;
    const mapped = mapMessage(stub, ME);
    expect(mapped).toMatchObject({
      kind: 'message',
      record: { id: 'UNREADABLE1', chatJid: CUSTOMER, type: 'waiting', text: null, senderName: 'Dana' },
    });
  });

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
    expect(voice.kind === 'message' && voice.record.media?.waveform).toBeUndefined();
    const outlined = mapMessage(
      incoming({ audioMessage: { ptt: true, seconds: 3, waveform: new Uint8Array([0, 50, 100]) } }),
      ME,
    );
    expect(outlined.kind === 'message' && outlined.record.media?.waveform).toBe('ADJk');
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

  it('maps Status posts (never chat messages): text with its colour, photos, deletions', () => {
    const statusKey = {
      remoteJid: 'status@broadcast',
      id: 'S',
      participant: `${CUSTOMER.split('@')[0]}:3@s.whatsapp.net`,
    };
    const text = mapMessage(
      incoming(
        { extendedTextMessage: { text: 'Open Sunday', backgroundArgb: 0xff25d366, font: 2 } },
        { key: statusKey },
      ),
      ME,
    );
    expect(text.kind === 'status' && text.status).toMatchObject({
      id: 'S',
      posterJid: CUSTOMER,
      posterName: 'Dana',
      kind: 'text',
      text: 'Open Sunday',
      backgroundColor: '#25D366',
      font: 2,
      timestamp: 1_700_000_000_000,
    });
    const photo = mapMessage(
      incoming({ imageMessage: { caption: 'New', mimetype: 'image/jpeg' } }, { key: statusKey }),
      ME,
    );
    expect(photo.kind === 'status' && photo.status).toMatchObject({ kind: 'image', text: 'New' });
    const revoke = mapMessage(
      incoming(
        { protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { id: 'S0' } } },
        { key: statusKey },
      ),
      ME,
    );
    expect(revoke).toEqual({ kind: 'statusRevoke', id: 'S0', posterJid: CUSTOMER });
    // Sender-key plumbing and kinds not shown (a voice Status) are not kept.
    expect(mapMessage(incoming({ audioMessage: { ptt: true } }, { key: statusKey }), ME).kind).toBe('ignore');
  });

  it('ignores plumbing, and our own messages are sent by us', () => {
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

describe('content that is not a message of its own', () => {
  it('maps a round video note to a video marked as a video note', () => {
    const mapped = mapMessage(incoming({ ptvMessage: { mimetype: 'video/mp4', seconds: 9 } }), ME);
    expect(mapped.kind === 'message' && mapped.record).toMatchObject({
      type: 'video',
      content: { videoNote: true },
      media: { mimetype: 'video/mp4', seconds: 9 },
    });
  });

  it('never stores pins, keep-in-chat, encrypted reactions or bare context info', () => {
    const pin = incoming({
      pinInChatMessage: { key: { id: 'T1' }, type: proto.PinInChat.Type.PIN_FOR_ALL },
      messageContextInfo: { messageAddOnDurationInSecs: 86400 },
    });
    expect(mapMessage(pin, ME)).toEqual({ kind: 'ignore', update: 'pinInChatMessage' });
    const keep = incoming({
      keepInChatMessage: { key: { id: 'T1' }, keepType: proto.KeepType.KEEP_FOR_ALL },
    });
    expect(mapMessage(keep, ME)).toEqual({ kind: 'ignore', update: 'keepInChatMessage' });
    const encReaction = incoming({ encReactionMessage: { targetMessageKey: { id: 'T1' } } });
    expect(mapMessage(encReaction, ME)).toEqual({ kind: 'ignore', update: 'encReactionMessage' });
    expect(mapMessage(incoming({ messageContextInfo: { messageSecret: randomBytes(32) } }), ME).kind).toBe(
      'ignore',
    );
  });

  it('still stores a real message it cannot show, as unknown', () => {
    const event = mapMessage(incoming({ eventMessage: { name: 'Grand opening' } }), ME);
    expect(event.kind === 'message' && event.record.type).toBe('unknown');
  });
});

describe('poll votes', () => {
  const SECRET = randomBytes(32);
  /** A poll the shop (ME) sent to the customer, as Baileys returns it from sendMessage. */
  const sentPoll: WAMessage = {
    key: { remoteJid: CUSTOMER, fromMe: true, id: 'POLL1' },
    messageTimestamp: 1_700_000_000,
    message: {
      messageContextInfo: { messageSecret: SECRET },
      pollCreationMessageV3: {
        name: 'Pickup time?',
        options: [{ optionName: 'Morning' }, { optionName: 'Evening' }],
        selectableOptionsCount: 1,
      },
    },
  };
  const stored = { raw: Buffer.from(proto.WebMessageInfo.encode(sentPoll).finish()), senderJid: ME };
  /** The same poll as the customer received it. */
  const customerCopy: WAMessage = { ...sentPoll, key: { remoteJid: ME, fromMe: false, id: 'POLL1' } };

  /** The customer's vote as it reaches the shop, voting with `voterJid` (phone number or LID). */
  function vote(options: string[], voterJid = CUSTOMER, key: WAMessage['key'] = {}): WAMessage {
    const sent = pollVoteMessage(customerCopy, options, voterJid);
    return incoming(sent.message!, { key: { remoteJid: CUSTOMER, fromMe: false, id: 'VOTE1', ...key } });
  }

  it('is a vote on the poll, never a message, and decrypts with the stored poll', () => {
    const mapped = mapMessage(vote(['Evening']), ME);
    expect(mapped).toMatchObject({
      kind: 'pollVote',
      chatJid: CUSTOMER,
      pollId: 'POLL1',
      voterJid: CUSTOMER,
    });
    if (mapped.kind !== 'pollVote') return;
    expect(mapped.readSelection(stored)).toEqual(['Evening']);
    // An empty selection withdraws the vote.
    const withdrawn = mapMessage(vote([]), ME);
    expect(withdrawn.kind === 'pollVote' && withdrawn.readSelection(stored)).toEqual([]);
  });

  it('decrypts a vote a LID-addressed customer encrypted for their LID', () => {
    const lid = '123456789@lid';
    const mapped = mapMessage(vote(['Morning'], lid, { remoteJid: lid, remoteJidAlt: CUSTOMER }), ME);
    expect(mapped).toMatchObject({ kind: 'pollVote', chatJid: CUSTOMER, voterJid: CUSTOMER });
    expect(mapped.kind === 'pollVote' && mapped.readSelection(stored)).toEqual(['Morning']);
  });

  it('cannot read a vote against another poll secret', () => {
    const other = {
      ...sentPoll,
      message: { ...sentPoll.message, messageContextInfo: { messageSecret: randomBytes(32) } },
    };
    const mapped = mapMessage(vote(['Morning']), ME);
    const raw = Buffer.from(proto.WebMessageInfo.encode(other).finish());
    expect(mapped.kind === 'pollVote' && mapped.readSelection({ raw, senderJid: ME })).toBeNull();
  });

  it('keeps the votes a history-synced poll arrives with', () => {
    const hash = (name: string) => createHash('sha256').update(name).digest();
    const mapped = mapMessage(
      {
        ...sentPoll,
        pollUpdates: [
          {
            pollUpdateMessageKey: { remoteJid: CUSTOMER, fromMe: false, id: 'V1' },
            vote: { selectedOptions: [hash('Morning')] },
            senderTimestampMs: 1_700_000_001_000,
          },
        ],
      },
      ME,
    );
    expect(mapped.kind === 'message' && mapped.record.content).toMatchObject({
      name: 'Pickup time?',
      votes: { [CUSTOMER]: { options: ['Morning'], at: 1_700_000_001_000 } },
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
