/**
 * Tariffs the demo sites start with, so the demo shows profit per kWh out of the box: a Texas site on a
 * time-of-use tariff with a weekday afternoon peak, a Quebec site on a flat industrial rate in CAD.
 * Only applied to a demo site that has no tariff yet; an operator's own tariff is never replaced.
 */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

export const DEMO_TARIFFS: Record<string, unknown> = {
  'Rockdale TX': {
    kind: 'tou',
    bands: [
      { days: WEEKDAYS, fromHour: 0, toHour: 14, pricePerKwh: 0.042 },
      { days: WEEKDAYS, fromHour: 14, toHour: 20, pricePerKwh: 0.11 },
      { days: WEEKDAYS, fromHour: 20, toHour: 24, pricePerKwh: 0.042 },
      { days: ['sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.038 },
    ],
  },
  'Baie-Comeau QC': { kind: 'flat', pricePerKwh: 0.058 },
};
