import { useState } from 'react';
import { describeError } from '../../../transport/rpc-error';

/** One request at a time: `busy` while it runs, its failure as readable text in `error`. */
export function useBusyRun() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
