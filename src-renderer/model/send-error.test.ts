import { describe, expect, it } from 'vitest';
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
