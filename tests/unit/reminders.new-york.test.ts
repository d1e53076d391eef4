// Set before any Date is made in this process (vitest runs each test file in its own process).
process.env.TZ = 'America/New_York';

import { remindersInZone } from './reminders-in-zone';

remindersInZone({
  name: 'America/New_York',
  winterOffset: 300,
  summerOffset: 240,
  springForward: [2026, 2, 8],
  fallBack: [2026, 10, 1],
});
