/**
 * The text of one automatic message: spintax resolved with a seeded random source (the seed is
 * the customer's message id, so the test panel and the live reply agree for the same message),
 * then placeholders filled. Unknown `[word]`s stay as typed.
 */
import { firstName } from '../../organize/placeholders.js';
import { seededRandom, spin } from '../../schedule/template.js';

export interface RenderValues {
  /** The customer's WhatsApp name, if any. */
  name: string | null;
  /** `+` and digits. */
  phone: string | null;
  /** When the message is sent (Unix ms). */
  at: number;
  /** The next opening while closed (Unix ms), else null. */
  opensAt: number | null;
  timeZone: string;
  language: string;
}

function format(language: string, options: Intl.DateTimeFormatOptions, at: number): string {
  try {
    return new Intl.DateTimeFormat(language, options).format(at);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(at);
  }
}

export function fillAutomationPlaceholders(text: string, values: RenderValues): string {
  const name = values.name?.trim() || null;
  const time = format(
    values.language,
    { timeZone: values.timeZone, hour: 'numeric', minute: '2-digit' },
    values.at,
  );
  const opensAt =
    values.opensAt === null
      ? ''
      : format(
          values.language,
          { timeZone: values.timeZone, weekday: 'long', hour: 'numeric', minute: '2-digit' },
          values.opensAt,
        );
  const filled = new Map<string, string>([
    ['name', name ?? values.phone ?? ''],
    ['first_name', firstName(name) ?? ''],
    ['phone', values.phone ?? ''],
    ['time', time],
    ['opens_at', opensAt],
  ]);
  return text.replace(/\[([A-Za-z_]+)\]/g, (whole, key: string) => filled.get(key.toLowerCase()) ?? whole);
}

export function renderAutomationText(template: string, values: RenderValues, seed: string): string {
  const spun = spin(template, seededRandom(`${template}\u0000${seed}`));
  return fillAutomationPlaceholders(spun, values).trim();
}
