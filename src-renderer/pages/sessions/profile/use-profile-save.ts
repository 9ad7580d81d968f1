import { useState } from 'react';
import type { NumberProfile, ProfileUpdate } from '../../../../src-shared/contract/number-profile';
import { useTransport } from '../../../stores/connection';
import { describeError, describeFieldProblem, RpcError } from '../../../transport/rpc-error';

/**
 * Saves part of a number's profile; a field the core refused gets its sentence beside the field
 * (`fieldError`), anything else one message for the form (`error`).
 */
export function useProfileSave(sessionId: string, onSaved: (profile: NumberProfile) => void) {
  const transport = useTransport();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const save = async (change: ProfileUpdate): Promise<boolean> => {
    setSaving(true);
    setError(null);
    setFields({});
    try {
      onSaved(await transport.call('numberProfile.update', { session: sessionId, ...change }));
      return true;
    } catch (caught) {
      if (caught instanceof RpcError && caught.field && caught.field !== 'session') {
        setFields({ [caught.field]: describeFieldProblem(caught) });
      } else {
        setError(describeError(caught));
      }
      return false;
    } finally {
      setSaving(false);
    }
  };

  /** The problem with `field` or any of its parts (`business.websites.0` for `business.websites`). */
  const fieldError = (field: string): string | undefined =>
    Object.entries(fields).find(([name]) => name === field || name.startsWith(`${field}.`))?.[1];

  return { save, saving, error, fieldError, clear: () => setFields({}) };
}
