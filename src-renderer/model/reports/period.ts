/** The Reports page's period choices, as local dates (YYYY-MM-DD) the server reads in the business's zone. */
export const PRESETS = ['today', '7', '30', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today, or the last 7 / 30 days ending today; `custom` keeps what the person typed. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: Date): { from: string; to: string } {
  const days = preset === 'today' ? 1 : Number(preset);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: isoDay(start), to: isoDay(today) };
}

/** Why a custom period cannot be asked for, or null when it can (the server says the same, by field). */
export function periodProblem(from: string, to: string): 'missing' | 'order' | 'length' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'missing';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) return 'order';
  if (days > 366) return 'length';
  return null;
}
