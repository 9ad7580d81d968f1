import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { render, type WidgetHandle } from '../../widget/render';
import { toPreview, type WidgetDraft } from './draft';
import { useWidgetDefaults } from './use-widget-defaults';

/** Local check (not src-shared/widget.ts, which would pull zod into the UI bundle). */
function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isOpen(handle: WidgetHandle): boolean {
  const panel = handle.element.shadowRoot?.querySelector('[role="dialog"]');
  return panel ? !panel.hasAttribute('hidden') : false;
}

/**
 * The real widget script rendering the draft into a box beside the form, re-rendered on every
 * change. It shows who is available right now, in this computer's clock.
 */
export function WidgetPreview({ draft }: { draft: WidgetDraft }) {
  const t = useT();
  const defaults = useWidgetDefaults();
  const hostRef = useRef<HTMLDivElement>(null);
  // Start open so the operator list is visible; afterwards keep whatever the user last chose.
  const openRef = useRef(true);
  const rendered = useRef(false);
  const config = useMemo(() => {
    const preview = toPreview(draft, defaults);
    return isValidTimeZone(preview.timeZone) ? preview : { ...preview, timeZone: 'UTC' };
  }, [draft, defaults]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const handle = render(config, host);
    // Re-rendered on every keystroke: replaying the panel's entrance animation each time would flicker.
    if (rendered.current) {
      const still = document.createElement('style');
      still.textContent = '.panel { animation: none !important; }';
      handle.element.shadowRoot?.append(still);
    }
    rendered.current = true;
    if (openRef.current) handle.open();
    return () => {
      openRef.current = isOpen(handle);
      handle.destroy();
    };
  }, [config]);

  return (
    <section className="widget-preview" aria-labelledby="widget-preview-title">
      <h2 id="widget-preview-title">{t('widget.preview.title')}</h2>
      <p className="field__hint">{t('widget.preview.hint')}</p>
      <div className="widget-preview__page" ref={hostRef} data-testid="widget-preview">
        <div className="widget-preview__fake" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      </div>
    </section>
  );
}
