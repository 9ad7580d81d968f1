import { useId, useState, type ReactNode } from 'react';

/**
 * A session card's section folded until opened (profile, privacy, blocked contacts, calls): its
 * content is mounted only while open, so what it reads from WhatsApp is read when someone looks.
 */
export function FoldedSection({
  toggle,
  region,
  className,
  children,
}: {
  toggle: string;
  region: string;
  className: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="session-calls">
      <button
        type="button"
        className="session-calls__toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="session-calls__chevron icon--directional">
          ›
        </span>
        {toggle}
      </button>
      {open && (
        <section id={regionId} className={className} aria-label={region}>
          {children()}
        </section>
      )}
    </div>
  );
}
