/**
 * Whether `hashwatt start` runs the demo simulator, and what it says about it. The demo never switches
 * off silently: while demo rigs are registered it keeps running (beside real rigs too, saying so and how
 * to remove it); it stays off after `hashwatt demo remove`, and HASHWATT_DEMO=0/1 decide explicitly. Pure.
 */
import type { Config } from '../../lib/config';

/** What the database holds that the decision depends on. */
export interface DemoFacts {
  demoRigs: number;
  realRigs: number;
  /** When `hashwatt demo remove` ran, or null. */
  removedAtMs: number | null;
}

/** On or off, and the lines to print. */
export interface DemoDecision {
  on: boolean;
  lines: string[];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const REMOVE = 'remove them and their history with `npx hashwatt demo remove`';

/** Decides from HASHWATT_DEMO (`setting`) and the stored rigs. */
export function decideDemo(setting: Config['demo'], facts: DemoFacts): DemoDecision {
  const { demoRigs, realRigs } = facts;
  const mixed =
    `demo: ${plural(demoRigs, 'demo rig')} keep running beside your ${plural(realRigs, 'real rig')}, and the demo's made-up network and ` +
    `price data are used unless you set a source (Settings → Network). Keep them, or ${REMOVE}; HASHWATT_DEMO=0 stops the simulator and leaves them offline`;
  if (setting === 'off') {
    return {
      on: false,
      lines: demoRigs > 0 ? [`demo off (HASHWATT_DEMO=0): its ${plural(demoRigs, 'rig')} stay registered and show offline; ${REMOVE}`] : [],
    };
  }
  if (setting === 'on') return { on: true, lines: demoRigs > 0 && realRigs > 0 ? [mixed] : [] };
  if (demoRigs > 0) return { on: true, lines: realRigs > 0 ? [mixed] : [] };
  if (realRigs > 0) return { on: false, lines: [] };
  if (facts.removedAtMs !== null) {
    return {
      on: false,
      lines: [
        'demo removed earlier (`hashwatt demo remove`) and no rig is configured yet: add rigs in Settings → Rigs or with ' +
          '`npx hashwatt scan <range> --add --site NAME`; HASHWATT_DEMO=1 brings the demo back',
      ],
    };
  }
  return { on: true, lines: [] };
}
