import type { AutomationSettings, AutomationWarning } from '../../../src-shared/contract/automation.js';
import { unknownPlaceholders } from '../../../src-shared/automation-text.js';

/** Every text automation may send, with the field path the editor shows errors beside. */
export function automationTexts(settings: AutomationSettings): { field: string; text: string }[] {
  const texts = [
    { field: 'greeting.text', text: settings.greeting.text },
    { field: 'away.text', text: settings.away.text },
    { field: 'defaultReply.text', text: settings.defaultReply.text },
    { field: 'menu.text', text: settings.menu.text },
  ];
  settings.rules.forEach((rule, index) => texts.push({ field: `rules.${index}.reply`, text: rule.reply }));
  settings.menu.options.forEach((option, index) => {
    texts.push({ field: `menu.options.${index}.reply`, text: option.reply });
    option.options.forEach((sub, subIndex) =>
      texts.push({ field: `menu.options.${index}.options.${subIndex}.reply`, text: sub.reply }),
    );
  });
  return texts;
}

/** Unknown placeholders are not errors (a shop may write "[sic]"): they are sent as typed. */
export function automationWarnings(settings: AutomationSettings): AutomationWarning[] {
  return automationTexts(settings).flatMap(({ field, text }) =>
    unknownPlaceholders(text).map((name) => ({
      field,
      code: 'unknown_placeholder' as const,
      params: { placeholder: name },
      message: `[${name}] is not a known placeholder and is sent as typed`,
    })),
  );
}
