import { describe, expect, it } from 'vitest';
import { RpcError } from '../../transport/rpc-error';
import { errorFor, formLevel, peopleError } from './people-errors';

const refusal = (code: RpcError['code'], field: string, message = 'x') =>
  new RpcError({ code, message, field });

describe("the server's refusals about people, beside their field", () => {
  it('names a taken sign-in name, the last owner and owner-only changes in plain words', () => {
    expect(peopleError(refusal('CONFLICT', 'login'))).toEqual({
      field: 'login',
      text: 'This sign-in name is already taken (names ignore upper and lower case).',
    });
    expect(peopleError(refusal('CONFLICT', 'role')).text).toMatch(/this is the last one/);
    expect(peopleError(refusal('FORBIDDEN', 'id')).text).toBe(
      'Only an owner may add, change, reset or remove an owner.',
    );
    expect(peopleError(refusal('VALIDATION_FAILED', 'currentPassword')).text).toBe(
      'Your current password is not right.',
    );
    expect(peopleError(refusal('VALIDATION_FAILED', 'newPassword')).text).toBe('Use at least 8 characters.');
  });

  it('keeps the answer of any other refusal, on its field', () => {
    expect(peopleError(refusal('VALIDATION_FAILED', 'name', 'name: is required'))).toEqual({
      field: 'name',
      text: 'name: is required',
    });
  });

  it('puts an error beside its field when the form shows that field, else under the form', () => {
    const error = { field: 'login', text: 'taken' };
    expect(errorFor(error, 'login')).toBe('taken');
    expect(errorFor(error, 'name')).toBeNull();
    expect(formLevel(error, ['name', 'login'])).toBeNull();
    expect(formLevel(error, ['name'])).toBe('taken');
    expect(formLevel({ field: null, text: 'offline' }, ['name'])).toBe('offline');
  });
});
