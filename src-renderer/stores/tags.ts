import { create } from 'zustand';
import type { Tag } from '../../src-shared/contract/organize';
import { describeError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';
import { LatestCall } from '../transport/latest-call';

interface TagsState {
  tags: Tag[];
  loaded: boolean;
  error: string | null;
  /** Loads (or reloads) every tag with its usage counts. */
  load(transport: Transport): Promise<void>;
}

/** The tags every organize component shares (Tags page, chips, filter, bulk bar). */
// Every tagging anywhere reloads the counts: only the newest read is shown.
const latest = new LatestCall();

export const useTags = create<TagsState>((set) => ({
  tags: [],
  loaded: false,
  error: null,
  load: (transport) =>
    latest.run(
      () => transport.call('tags.list', {}),
      ({ items }) => set({ tags: items, loaded: true, error: null }),
      (error) => set({ loaded: true, error: describeError(error) }),
    ),
}));
