// Set before any Date is made in this process (vitest runs each test file in its own process).
process.env.TZ = 'Europe/Berlin';

import { remindersInZone } from './reminders-in-zone';

remindersInZone({
  name: 'Europe/Berlin',
  winterOffset: -60,
  summerOffset: -120,
  springForward: [2026, 2, 29],
  fallBack: [2026, 9, 25],
});
