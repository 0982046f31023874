/**
 * Building blocks of the environment schemas: one zod field per variable, whose issue is the line an operator
 * reads (it names the variable, the value and what was expected), and the parse that throws it.
 */
import { z } from 'zod';
import type { Env } from './env';

/** A malformed setting: names the variable, the value and what was expected. */
export class ConfigError extends Error {}

/**
 * A variable read by `parse` (raw value, undefined when unset). A ConfigError it throws becomes the
 * field's issue, worded as thrown; any other error is a bug and propagates.
 */
export function variable<T>(parse: (raw: string | undefined) => T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      try {
        return parse(raw);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        ctx.addIssue({ code: 'custom', message: err.message });
        return z.NEVER;
      }
    });
}

/** The whole number `raw` of variable `name` within [min, max]; `fallback` when unset or blank. */
export function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const trimmed = raw?.trim();
  if (trimmed === undefined || trimmed === '') return fallback;
  const n = Number(trimmed);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${JSON.stringify(trimmed)} is not a whole number from ${min} to ${max}`);
  }
  return n;
}

/** A whole-number variable within [min, max] as a schema field. */
export function intVariable(name: string, fallback: number, min: number, max: number) {
  return variable((raw) => wholeNumber(name, raw, fallback, min, max));
}

/** A whole-number variable within [min, max], or a ConfigError naming it. */
export function envInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  return wholeNumber(name, env[name], fallback, min, max);
}

/** Parses `env` with `schema`; the first issue (the first malformed variable) is thrown as a ConfigError. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse({ ...env });
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues[0]?.message ?? 'malformed environment');
}
