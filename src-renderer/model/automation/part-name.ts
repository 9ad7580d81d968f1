import type { IntlShape } from 'react-intl';
import type { AutomationReplyKind } from '../../../src-shared/contract/automation';

/**
 * The name an automatic message is labelled with ("Automation: <name>"), in the reader's
 * language. The core names its built-in parts in fixed English (services/automation/engine:
 * "Greeting", "Away message", "Menu", "Menu: <option>", "Default reply"); those are translated
 * here. A keyword rule's name is the shop's own words and is shown as it is (with `kind`
 * 'keyword' even when a shop calls its rule "Greeting").
 */
export function automationPartName(rule: string, intl: IntlShape, kind?: AutomationReplyKind): string {
  if (kind === 'keyword') return rule;
  switch (rule) {
    case 'Greeting':
      return intl.formatMessage({ id: 'automation.part.greeting' });
    case 'Away message':
      return intl.formatMessage({ id: 'automation.part.away' });
    case 'Menu':
      return intl.formatMessage({ id: 'automation.part.menu' });
    case 'Default reply':
      return intl.formatMessage({ id: 'automation.part.default' });
  }
  const option = /^Menu: (.+)$/s.exec(rule);
  if (option) return intl.formatMessage({ id: 'automation.part.menuOption' }, { label: option[1] });
  return rule;
}
