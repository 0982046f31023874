'use client';
/**
 * The what-if panel: BTC price, difficulty, fees per block and a tariff override, starting from the live
 * market. A field the user has not touched follows the live value; an edited one keeps the user's number.
 * Every change recomputes every rig in the browser. Invalid input shows a message next to the field and
 * the result stays at the last valid values, so a half-typed number never blanks the screen.
 */
import { useId, useMemo, useState } from 'react';
import type { EconomicsView, MarketView, WhatIfRig } from '../../../lib/views/contracts';
import { computeWhatIf } from './whatif-compute';
import { fieldText, parseField, type FieldRule } from './whatif-input';
import { WhatIfResults } from './WhatIfResults';

type Field = 'price' | 'difficulty' | 'fees' | 'tariff';

/** A field the user edited: its text, the last valid number behind it, and what is wrong with the text. */
interface Edit {
  text: string;
  value: number | null;
  error: string | null;
}

const RULES: Record<Field, FieldRule> = {
  price: {},
  difficulty: { positive: true, siSuffix: true },
  fees: {},
  tariff: { allowEmpty: true },
};
const KINDS = { price: 'price', difficulty: 'difficulty', fees: 'btc', tariff: 'tariff' } as const;
const FIELDS: Field[] = ['price', 'difficulty', 'fees', 'tariff'];

/** Props of WhatIfPanel. */
export interface WhatIfPanelProps {
  /** The rigs as the page loaded them: their measured hash rate and power, site settings and prices. */
  rigs: WhatIfRig[];
  /** The live market the fields start from. */
  market: MarketView;
  /** Live fleet figures, to show how far the scenario moves profit. */
  liveFleet: EconomicsView | null;
}

function liveValues(market: MarketView): Record<Field, number | null> {
  const n = market.network;
  return {
    price: market.btcPrice,
    difficulty: n?.difficulty ?? null,
    fees: n ? n.feesPerBlockSats / 1e8 : null,
    tariff: null,
  };
}

/** The form and the recomputed fleet. */
export function WhatIfPanel({ rigs, market, liveFleet }: WhatIfPanelProps) {
  const id = useId();
  const [edits, setEdits] = useState<Partial<Record<Field, Edit>>>({});
  const live = liveValues(market);
  const cur = market.currency;
  const value = (f: Field) => (edits[f] ? edits[f].value : live[f]);
  const price = value('price');
  const difficulty = value('difficulty');
  const fees = value('fees');
  const tariff = value('tariff');
  const subsidySats = market.network?.subsidySats ?? null;

  const result = useMemo(() => {
    if (price === null || difficulty === null || fees === null || subsidySats === null || !(difficulty > 0)) return null;
    return computeWhatIf(
      rigs,
      { currency: cur, prices: market.prices, subsidySats },
      { btcPrice: price, difficulty, feesPerBlockBtc: fees, tariffPerKwh: tariff },
    );
  }, [rigs, cur, market.prices, subsidySats, price, difficulty, fees, tariff]);

  const onChange = (f: Field, text: string) => {
    const parsed = parseField(text, RULES[f]);
    setEdits((prev) => ({
      ...prev,
      [f]: {
        text,
        value: parsed.ok ? parsed.value : prev[f] ? prev[f].value : live[f],
        error: parsed.ok ? null : parsed.error,
      },
    }));
  };

  const labels: Record<Field, string> = {
    price: `BTC price (${cur})`,
    difficulty: 'Difficulty',
    fees: 'Fees per block (BTC)',
    tariff: `Tariff override (${cur}/kWh)`,
  };
  const hints: Record<Field, string> = {
    price: 'Other currencies move with it',
    difficulty: 'e.g. 148T or 1.48e14',
    fees: 'Mean per block; the subsidy is fixed by height',
    tariff: "Empty: each site's own tariff",
  };
  const anyError = FIELDS.some((f) => edits[f]?.error);

  return (
    <div className="whatif" data-testid="whatif">
      <form className="whatif-form" onSubmit={(e) => e.preventDefault()} noValidate>
        {FIELDS.map((f) => {
          const edit = edits[f];
          const inputId = `${id}-${f}`;
          const noteId = `${inputId}-note`;
          return (
            <div key={f} className={`whatif-field${edit?.error ? ' is-invalid' : ''}`}>
              <label htmlFor={inputId}>{labels[f]}</label>
              <input
                id={inputId}
                type="text"
                inputMode={f === 'difficulty' ? 'text' : 'decimal'}
                autoComplete="off"
                spellCheck={false}
                placeholder={f === 'tariff' ? 'site tariffs' : undefined}
                value={edit ? edit.text : fieldText(live[f], KINDS[f])}
                onChange={(e) => onChange(f, e.target.value)}
                aria-invalid={edit?.error ? 'true' : undefined}
                aria-describedby={noteId}
                data-testid={`whatif-${f}`}
              />
              <p id={noteId} className={edit?.error ? 'whatif-error' : 'whatif-hint'} aria-live="polite" data-testid={`whatif-${f}-note`}>
                {edit?.error ?? hints[f]}
              </p>
            </div>
          );
        })}
        <div className="whatif-actions">
          <button type="button" className="button" onClick={() => setEdits({})} disabled={Object.keys(edits).length === 0}>
            Reset to live values
          </button>
          {anyError && <span className="whatif-kept">Showing the last valid values.</span>}
        </div>
      </form>
      <WhatIfResults
        result={result}
        liveFleet={liveFleet}
        currency={cur}
        waitingFor={
          subsidySats === null
            ? 'Waiting for network data: the block subsidy comes from the chain tip.'
            : 'Enter a BTC price, difficulty and fees per block to compute.'
        }
      />
    </div>
  );
}
