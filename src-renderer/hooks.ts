import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../src-shared/contract';
import { useTransport } from './stores/connection';
import { describeError } from './transport/rpc-error';

export interface Query<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Replace the data locally after a mutation answered with the new value. */
  setData(data: T): void;
}

/** Loads one operation's result on mount, with loading and error states for the page. */
export function useQuery<K extends OpName>(operation: K, input: OpInput<K>): Query<OpOutput<K>> {
  const transport = useTransport();
  const [data, setData] = useState<OpOutput<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const inputKey = JSON.stringify(input);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await transport.call(operation, JSON.parse(inputKey) as OpInput<K>));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setLoading(false);
    }
  }, [transport, operation, inputKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
