/* global window */
// First half of a self-contained snippet: the public widget JSON as window.ChatdockWidgetConfig.
// Pages may tweak it (Object.assign) before loading /widget.js. Keep in sync with api/v1/public/widgets/demo.
window.ChatdockWidgetConfig = {
  id: 'demo',
  businessName: 'Bäckerei Sonne',
  timeZone: 'Europe/Berlin',
  color: '#25d366',
  textColor: '#ffffff',
  position: 'right',
  openByDefault: false,
  buttonMessage: 'Chat with us',
  widgetMessage: 'Hi there! How can we help you?',
  operators: [
    {
      number: '491701234567',
      name: 'Anna Schmidt',
      role: 'Sales',
      iconUrl: 'https://cdn.chatdock.test/avatars/anna.png',
      prefill: 'Hello Anna, I would like to order a cake.',
      hours: {
        MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }],
        TU: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }],
        WE: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }],
        TH: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }],
        FR: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }],
      },
    },
    {
      number: '491707654321',
      name: 'Ben Okafor',
      role: 'Night support',
      hours: {
        FR: [{ availableFrom: '22:00:00', availableUntil: '02:00:00' }],
        SA: [{ availableFrom: '10:00:00', availableUntil: '14:00:00' }],
      },
    },
    {
      number: '33612345678',
      name: 'Chloé Martin',
      role: 'Owner',
      hours: {
        TU: [{ availableFrom: '13:00:00', availableUntil: '18:00:00' }],
        FR: [
          { availableFrom: '08:00:00', availableUntil: '12:00:00' },
          { availableFrom: '14:00:00', availableUntil: '16:00:00' },
        ],
      },
    },
  ],
};
