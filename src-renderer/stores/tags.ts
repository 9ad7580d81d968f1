import { create } from 'zustand';
import type { Tag } from '../../src-shared/contract/organize';
import { describeError } from '../transport/rpc-error';
import type { Transport } from '../transport/types';

interface TagsState {
  tags: Tag[];
  loaded: boolean;
  error: string | null;
  /** Loads (or reloads) every tag with its usage counts. */
  load(transport: Transport): Promise<void>;
}

/** The tags every organize component shares (Tags page, chips, filter, bulk bar). */
export const useTags = create<TagsState>((set) => ({
  tags: [],
  loaded: false,
  error: null,
  async load(transport) {
    try {
      const { items } = await transport.call('tags.list', {});
      set({ tags: items, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: describeError(error) });
    }
  },
}));
