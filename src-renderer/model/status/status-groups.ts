import type { StatusUpdate } from '../../../src-shared/contract/status';

/** One poster's Status updates, as the Status view lists them. */
export interface StatusGroup {
  poster: string;
  name: string | null;
  fromMe: boolean;
  /** Newest first. */
  items: StatusUpdate[];
  unseen: number;
  latestAt: string;
}

/**
 * Groups a number's Status by who posted it, like WhatsApp's Updates tab: our own posts first,
 * then posters with unseen updates, then the rest; newest first within each.
 */
export function groupStatus(items: readonly StatusUpdate[]): StatusGroup[] {
  const byPoster = new Map<string, StatusGroup>();
  for (const item of items) {
    const group = byPoster.get(item.poster) ?? {
      poster: item.poster,
      name: item.posterName,
      fromMe: item.fromMe,
      items: [],
      unseen: 0,
      latestAt: item.postedAt,
    };
    group.items.push(item);
    if (!item.seen) group.unseen += 1;
    if (item.postedAt > group.latestAt) group.latestAt = item.postedAt;
    byPoster.set(item.poster, group);
  }
  const groups = [...byPoster.values()];
  for (const group of groups) group.items.sort((a, b) => b.postedAt.localeCompare(a.postedAt));
  const rank = (group: StatusGroup) => (group.fromMe ? 0 : group.unseen > 0 ? 1 : 2);
  return groups.sort((a, b) => rank(a) - rank(b) || b.latestAt.localeCompare(a.latestAt));
}
