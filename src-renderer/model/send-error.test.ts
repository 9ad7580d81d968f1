import { afterEach, describe, expect, it } from 'vitest';
import hebrewErrors from '../i18n/messages/errors/he.json';
import hebrewInbox from '../i18n/messages/inbox/he.json';
import { english } from '../i18n/messages/en';
import { useI18n } from '../i18n/store';
import { RpcError } from '../transport/rpc-error';
import { sendFailure } from './send-error';

describe('why a message was not sent', () => {
  it('says a number is not on WhatsApp in plain words, without a pointless Retry', () => {
    const error = new RpcError({
      code: 'VALIDATION_FAILED',
      message: 'to: 447700900111 is not on WhatsApp',
      field: 'to',
    });
    expect(sendFailure(error)).toEqual({ reason: '+44 7700 900111 is not on WhatsApp.', canRetry: false });
  });

  it('keeps Retry for what may pass later, and drops field paths', () => {
    expect(
      sendFailure(new RpcError({ code: 'WA_UNAVAILABLE', message: 'WhatsApp did not answer in time' })),
    ).toEqual({ reason: 'WhatsApp did not answer in time', canRetry: true });
    expect(
      sendFailure(new RpcError({ code: 'VALIDATION_FAILED', message: 'media: too large', field: 'media' })),
    ).toEqual({ reason: 'Too large', canRetry: false });
  });
});

describe('why a message was not sent, in the reader’s language', () => {
  afterEach(() => useI18n.setState({ locale: 'en', messages: english }));

  it('says it in Hebrew from the error code, not the API’s English', () => {
    useI18n.setState({ locale: 'he', messages: { ...english, ...hebrewErrors, ...hebrewInbox } });
    expect(
      sendFailure(
        new RpcError({
          code: 'VALIDATION_FAILED',
          message: 'to: 447700900111 is not on WhatsApp',
          field: 'to',
        }),
      ),
    ).toEqual({ reason: 'למספר +44 7700 900111 אין WhatsApp.', canRetry: false });
    const busy = sendFailure(
      new RpcError({ code: 'WA_UNAVAILABLE', message: 'WhatsApp did not answer in time' }),
    );
    expect(busy.canRetry).toBe(true);
    expect(busy.reason).toBe(hebrewErrors['errors.waUnavailable']);
  });
});
