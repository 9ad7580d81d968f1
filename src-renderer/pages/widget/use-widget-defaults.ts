import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import type { WidgetDefaults } from './draft';

/** A new widget's words and the preview's stand-ins, in the person's language (issue #21). */
export function useWidgetDefaults(): WidgetDefaults {
  const t = useT();
  return useMemo(
    () => ({
      buttonMessage: t('widget.defaults.button'),
      widgetMessage: t('widget.defaults.greeting'),
      businessName: t('widget.defaults.businessName'),
      operatorName: t('widget.defaults.operatorName'),
    }),
    [t],
  );
}
