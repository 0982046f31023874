/**
 * The shape every /metrics series is built in before prom-client writes it: a family (name, help, label
 * names) and its samples. Builders add samples through `gaugeFamily().set`, which drops a value that is
 * not a finite number (an unknown is omitted, never written as 0 or NaN) and bounds every label value.
 * Pure.
 */

/** Labels of one sample: name to value. */
export type Labels = Readonly<Record<string, string>>;

/** One sample of a family. */
export interface Sample {
  labels: Labels;
  value: number;
}

/** A gauge family: what prom-client registers as one Gauge. */
export interface MetricFamily {
  name: string;
  help: string;
  labelNames: readonly string[];
  samples: Sample[];
}

/** Longest label value written: a name, a model or a site as the operator or the firmware gave it. */
export const MAX_LABEL_CHARS = 64;

/** A control character anywhere, or white space at either end. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f]|^\s|\s$/;

/**
 * A label value as written: control characters become spaces and it is cut to MAX_LABEL_CHARS, so a
 * firmware that reports a kilobyte of model string cannot bloat every scrape.
 */
export function labelValue(raw: string): string {
  // Nearly every value is already clean: return it as is, without allocating (a scrape sets tens of thousands).
  if (raw.length <= MAX_LABEL_CHARS && !NEEDS_CLEANING.test(raw)) return raw;
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return clean.length > MAX_LABEL_CHARS ? clean.slice(0, MAX_LABEL_CHARS) : clean;
}

/** A family builder: `set` adds a sample when `value` is a finite number, else nothing. */
export interface FamilyBuilder {
  family: MetricFamily;
  set(labels: Labels, value: number | null | undefined): void;
}

/** A new gauge family named `name` (with its unit, per Prometheus conventions) over `labelNames`. */
export function gaugeFamily(name: string, help: string, labelNames: readonly string[] = []): FamilyBuilder {
  const family: MetricFamily = { name, help, labelNames, samples: [] };
  return {
    family,
    set(labels, value) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      // A programming error, not data: every sample of a family carries exactly its label names.
      const mismatch = () => new Error(`${name}: labels ${JSON.stringify(labels)} do not match ${labelNames.join(', ')}`);
      const written: Record<string, string> = {};
      for (const l of labelNames) {
        const v = labels[l];
        if (v === undefined) throw mismatch();
        written[l] = labelValue(v);
      }
      if (Object.keys(labels).length !== labelNames.length) throw mismatch();
      family.samples.push({ labels: written, value });
    },
  };
}
