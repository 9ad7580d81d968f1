import { describe, expect, it } from 'vitest';
import type { WidgetRecord } from '../../../src-shared/contract/widgets';
import {
  draftFromRecord,
  fieldId,
  newDraft,
  newOperator,
  sameDraft,
  toPreview,
  toSettings,
  type WidgetDefaults,
} from './draft';

const ENGLISH_DEFAULTS: WidgetDefaults = {
  buttonMessage: 'Chat with us',
  widgetMessage: 'Hi there! How can we help you?',
  businessName: 'Your business',
  operatorName: 'Operator',
};

const record: WidgetRecord = {
  id: 'w_1',
  businessName: 'Sonne',
  timeZone: 'Europe/Berlin',
  active: true,
  color: '#112233',
  textColor: '#ffffff',
  position: 'left',
  openByDefault: false,
  buttonMessage: 'Chat',
  widgetMessage: 'Hello there',
  operators: [
    {
      number: '491701234567',
      name: 'Anna',
      role: 'Sales',
      prefill: 'Hi',
      active: true,
      hours: { FR: [{ availableFrom: '22:00:00', availableUntil: '02:00:00' }] },
    },
    { number: '491707654321', name: 'Ben', role: '', active: false, hours: {} },
  ],
  createdAt: '2025-06-06T08:00:00.000Z',
  updatedAt: '2025-06-06T08:00:00.000Z',
};

describe('widget editor draft', () => {
  it('round-trips a stored widget to the API document, leaving out empty optional texts and days', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...settings } = record;
    expect(toSettings(draftFromRecord(record))).toEqual({
      ...settings,
      operators: [
        settings.operators[0],
        { number: '491707654321', name: 'Ben', role: '', active: false, hours: {} },
      ],
    });
  });

  it('keeps operator indexes, so server error paths point at the right card', () => {
    const draft = newDraft(ENGLISH_DEFAULTS);
    draft.operators = [newOperator(), newOperator()];
    draft.operators[1]!.number = 'bad';
    expect(toSettings(draft).operators?.[1]?.number).toBe('bad');
    expect(fieldId('operators.1.hours.MO.0.availableFrom')).toBe('wf-operators-1-hours-MO-0-availableFrom');
  });

  it('previews active operators only, with digits-only numbers and placeholders for blanks', () => {
    const draft = draftFromRecord(record);
    draft.businessName = '  ';
    draft.operators[0]!.number = '+49 170 1234567';
    const preview = toPreview(draft, ENGLISH_DEFAULTS);
    expect(preview.businessName).toBe('Your business');
    expect(preview.operators.map((operator) => [operator.name, operator.number])).toEqual([
      ['Anna', '491701234567'],
    ]);
  });

  it('defaults new widgets to the browser time zone and new operators to weekday office hours', () => {
    expect(newDraft(ENGLISH_DEFAULTS).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const operator = newOperator();
    expect(operator.hours.MO).toEqual([{ availableFrom: '09:00:00', availableUntil: '17:00:00' }]);
    expect(operator.hours.SA).toEqual([]);
  });

  it('compares drafts by content, not by React keys', () => {
    expect(sameDraft(draftFromRecord(record), draftFromRecord(record))).toBe(true);
    const changed = draftFromRecord(record);
    changed.color = '#000000';
    expect(sameDraft(draftFromRecord(record), changed)).toBe(false);
  });
});
