import { describe, expect, it } from 'vitest';
import { readPublicWidget } from './config';

const valid = {
  id: 'w_1',
  businessName: 'Sonne',
  timeZone: 'Europe/Berlin',
  color: '#112233',
  textColor: '#ffffff',
  position: 'left',
  openByDefault: true,
  buttonMessage: 'Chat',
  widgetMessage: 'Hi',
  operators: [
    {
      number: '491701234567',
      name: 'Anna',
      role: 'Sales',
      prefill: 'Hello',
      iconUrl: 'https://cdn.example.com/a.png',
      hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] },
    },
  ],
};

describe('readPublicWidget', () => {
  it('accepts a public widget as served', () => {
    expect(readPublicWidget(valid)).toEqual(valid);
  });

  it.each([
    ['not an object', 'nope'],
    ['no id', { ...valid, id: undefined }],
    ['unknown time zone', { ...valid, timeZone: 'Mars/Base' }],
    ['operators missing', { ...valid, operators: undefined }],
  ])('rejects %s', (_, value) => {
    expect(readPublicWidget(value)).toBeNull();
  });

  it('neutralises values that would be unsafe to render', () => {
    const widget = readPublicWidget({
      ...valid,
      color: 'red;}</style>',
      position: 'middle',
      iconUrl: 'javascript:alert(1)',
      operators: [
        { number: '12', name: 'Too short' },
        {
          number: '+49 170 7654321',
          name: 'Ben',
          hours: { MO: [{ availableFrom: '9', availableUntil: 'x' }], XX: [] },
        },
      ],
    });
    expect(widget).toMatchObject({ color: '#25d366', position: 'right', iconUrl: undefined });
    expect(widget?.operators).toEqual([
      {
        number: '491707654321',
        name: 'Ben',
        role: '',
        iconUrl: undefined,
        prefill: undefined,
        hours: { MO: [] },
      },
    ]);
  });
});
