import type { ReactNode } from 'react';
import type { TagRef } from '../../../src-shared/contract/organize';
import { textColorOn } from './organize-logic';
import '../../styles/organize.css';

/** A tag as a coloured pill; `children` go after the name (e.g. a remove button). */
export function TagChip({ tag, children }: { tag: TagRef; children?: ReactNode }) {
  return (
    <span
      className="tag-chip"
      style={{ background: tag.color, color: textColorOn(tag.color) }}
      data-tag-id={tag.id}
    >
      {/* The name is the user's own text, in any script. */}
      <bdi>{tag.name}</bdi>
      {children}
    </span>
  );
}

/** A round colour sample, for lists and pickers. */
export function Swatch({ color }: { color: string }) {
  return <span className="tag-swatch" style={{ background: color }} aria-hidden="true" />;
}
