/** A heat-map cell in words, beyond its state: temperature, money and place (tooltip and screen reader). Pure. */
import type { RigCell } from '../../../lib/domain/rig-cell';
import { cellStyle } from './heatmap-colours';

/** "Temperature: Hot (up to 5 °C over) · Profit: Thin (under 10 %) · B1 / R3 / 12". */
export function describeCell(cell: RigCell): string {
  const parts = [`Temperature: ${cellStyle(cell, 'temp').label}`, `Profit: ${cellStyle(cell, 'profit').label}`];
  const l = cell.location;
  const place = l ? [l.building, l.rack, l.position].filter(Boolean).join(' / ') : '';
  if (place) parts.push(place);
  return parts.join(' · ');
}
