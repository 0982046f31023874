/**
 * Pure display formatters for money, BTC and network figures. Like units.ts, every formatter pins the
 * 'en-US' locale so the server and browser renders agree and tests see literal strings; a missing or
 * non-finite value renders as an em dash. Amounts are in the currency passed alongside them: these
 * functions never convert.
 */
import { MISSING, type ValueWithUnit } from './units';

const formats = new Map<string, Intl.NumberFormat>();

function isNumber(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * A cached en-US currency format. `extraDecimals` is added to the currency's own minor digits, so a
 * per-kWh price shows 4 decimals in USD but 2 in JPY (where a kWh costs tens of yen, not cents).
 * 'negative' sign display avoids "-$0.00" for amounts that round to zero.
 */
function currencyFormat(currency: string, extraDecimals: number): Intl.NumberFormat | null {
  const key = `${currency}:${extraDecimals}`;
  let nf = formats.get(key);
  if (nf) return nf;
  try {
    const base = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    const digits = (base.resolvedOptions().maximumFractionDigits ?? 2) + extraDecimals;
    nf = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'negative',
    });
  } catch {
    // A malformed code from a hand-edited setting must not take the page down; the caller falls back.
    return null;
  }
  formats.set(key, nf);
  return nf;
}

function plainFixed(n: number, decimals: number): string {
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'negative',
  }).format(n);
}

function money(amount: number, currency: string, extraDecimals: number): string {
  const nf = currencyFormat(currency, extraDecimals);
  return nf ? nf.format(amount) : `${plainFixed(amount, 2 + extraDecimals)} ${currency}`;
}

/** "$7.58", "CA$7.58", "€7.58", "¥758", "-$1,234.50", "—". */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  return isNumber(amount) ? money(amount, currency, 0) : MISSING;
}

/** Whole currency units, for big figures like a BTC price: "$90,000", "CA$126,000", "—". */
export function formatMoneyWhole(amount: number | null | undefined, currency: string): string {
  if (!isNumber(amount)) return MISSING;
  const nf = currencyFormat(currency, 0);
  const digits = nf?.resolvedOptions().maximumFractionDigits ?? 2;
  // Round first, then format with no fraction: the currency's own minor digits would add ".00".
  return money(Math.round(amount), currency, -digits);
}

/** A price or margin per kWh: "$0.0402/kWh", "CA$0.0550/kWh", "¥25.50/kWh", "—". */
export function formatPricePerKwh(perKwh: number | null | undefined, currency: string): string {
  return isNumber(perKwh) ? `${money(perKwh, currency, 2)}/kWh` : MISSING;
}

/** The same split for a KPI tile: { value: "$0.0402", unit: "/kWh" }; { value: "—", unit: "" } when missing. */
export function pricePerKwhParts(perKwh: number | null | undefined, currency: string): ValueWithUnit {
  return isNumber(perKwh) ? { value: money(perKwh, currency, 2), unit: '/kWh' } : { value: MISSING, unit: '' };
}

const btcFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 });

/** A BTC amount to the satoshi, trailing zeros trimmed: "0.00008593 BTC", "3.125 BTC", "—". */
export function formatBtc(btc: number | null | undefined): string {
  return isNumber(btc) ? `${btcFormat.format(btc)} BTC` : MISSING;
}

const SI_PREFIXES = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z'];

/** Network difficulty with an SI prefix and one decimal: 1.48e14 -> "148.0 T", "—". */
export function formatDifficulty(difficulty: number | null | undefined): string {
  if (!isNumber(difficulty)) return MISSING;
  let i = 0;
  let v = Math.abs(difficulty);
  // Switch prefix on the rounded value, so 999.96 T reads "1.0 P", not "1,000.0 T".
  while (i < SI_PREFIXES.length - 1 && Math.round(v * 10) / 10 >= 1000) {
    v /= 1000;
    i += 1;
  }
  const shown = plainFixed(Math.sign(difficulty) * v, i === 0 ? 0 : 1);
  return i === 0 ? shown : `${shown} ${SI_PREFIXES[i]}`;
}

/** Hashprice as miners quote it, per PH/s per day, from a per-TH/s figure: "$38.67/PH/s/day", "—". */
export function formatHashprice(perThDay: number | null | undefined, currency: string): string {
  return isNumber(perThDay) ? `${money(perThDay * 1000, currency, 0)}/PH/s/day` : MISSING;
}

/** Hashprice per TH/s per day, with two extra decimals: "$0.0387/TH/s/day", "—". */
export function formatHashpricePerTh(perThDay: number | null | undefined, currency: string): string {
  return isNumber(perThDay) ? `${money(perThDay, currency, 2)}/TH/s/day` : MISSING;
}

/** A signed percent change with two decimals: "+2.34%", "-0.51%", "0.00%", "—". */
export function formatChangePercent(pct: number | null | undefined): string {
  if (!isNumber(pct)) return MISSING;
  const shown = plainFixed(pct, 2);
  return pct > 0 && shown !== '0.00' ? `+${shown}%` : `${shown}%`;
}

/**
 * Time left, two most significant units, floored: "12 d 4 h", "4 h 12 min", "12 min", "0 min", "—".
 * A countdown that has passed reads "0 min" rather than a negative time.
 */
export function formatCountdown(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  const totalMin = Math.floor(Math.max(0, ms) / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const min = totalMin % 60;
  if (d > 0) return `${plainFixed(d, 0)} d ${h} h`;
  if (h > 0) return `${h} h ${min} min`;
  return `${min} min`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date, "Apr 3, 2028", in `timeZone` (IANA) or the viewer's zone when omitted; "—". */
export function formatDate(tsMs: number | null | undefined, timeZone?: string): string {
  if (!isNumber(tsMs)) return MISSING;
  const key = timeZone ?? '';
  let df = dateFormats.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone });
    dateFormats.set(key, df);
  }
  return df.format(tsMs);
}

/** `perKwh` rounded to the decimals formatPricePerKwh shows in `currency` (4 in USD, 2 in JPY). */
export function roundPerKwhAsShown(perKwh: number, currency: string): number {
  const digits = currencyFormat(currency, 2)?.resolvedOptions().maximumFractionDigits ?? 4;
  const scale = 10 ** digits;
  return Math.round(perKwh * scale) / scale;
}

/** The three "now" figures a screen shows side by side: breakeven, the price in force now, profit per kWh now. */
export interface NowPerKwh {
  breakevenPricePerKwh: number | null;
  pricePerKwh: number | null;
  profitPerKwh: number | null;
  currency: string;
}

/**
 * Profit per kWh now as shown next to breakeven and the price now: the shown breakeven minus the shown
 * price, so the three numbers on screen add up (0.0860 - 0.0420 = 0.0440, where the exact 0.04404 would
 * read 0.0441). Rounding never flips the sign: a rig shown losing money is one whose price is above its
 * breakeven. Null when the figure is unknown; without a tariff (price null) the rounded exact figure.
 */
export function shownProfitPerKwh(e: NowPerKwh): number | null {
  if (e.profitPerKwh === null || !Number.isFinite(e.profitPerKwh)) return null;
  if (e.breakevenPricePerKwh === null || e.pricePerKwh === null) return roundPerKwhAsShown(e.profitPerKwh, e.currency);
  const shown = roundPerKwhAsShown(e.breakevenPricePerKwh, e.currency) - roundPerKwhAsShown(e.pricePerKwh, e.currency);
  // Re-rounded: 0.0860 - 0.0420 is 0.043999999999999997 in binary.
  return roundPerKwhAsShown(shown, e.currency);
}
