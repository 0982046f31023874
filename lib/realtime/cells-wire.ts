/** Heat-map cells to and from their compact wire form (CellWire). Pure; used by the server and the browser. */
import { PROFIT_BANDS, RIG_STATES, TEMP_BANDS, type RigCell } from '../domain/rig-cell';
import type { CellWire } from '../views/contracts';

const index = <T extends string>(list: readonly T[]) => new Map(list.map((v, i) => [v, i]));
const STATE_INDEX = index(RIG_STATES);
const PROFIT_INDEX = index(PROFIT_BANDS);
const TEMP_INDEX = index(TEMP_BANDS);

/** A cell as sent. */
export function encodeCell(c: RigCell): CellWire {
  return [
    c.id,
    c.siteId,
    c.name,
    STATE_INDEX.get(c.state) ?? RIG_STATES.length - 1,
    PROFIT_INDEX.get(c.profitBand) ?? 0,
    TEMP_INDEX.get(c.tempBand) ?? 0,
    c.location?.building ?? null,
    c.location?.rack ?? null,
    c.location?.position ?? null,
  ];
}

/** A cell as received; an index out of range (a newer server) reads as the worst state or unknown band. */
export function decodeCell(w: CellWire): RigCell {
  const [id, siteId, name, state, profit, temp, building, rack, position] = w;
  return {
    id,
    siteId,
    name,
    location: building || rack || position ? { building, rack, position } : null,
    state: RIG_STATES[state] ?? 'offline',
    profitBand: PROFIT_BANDS[profit] ?? 'unknown',
    tempBand: TEMP_BANDS[temp] ?? 'unknown',
  };
}
