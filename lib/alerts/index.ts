/** The alert rule engine's public API: pure (no I/O, no clock, no database). */
export { evaluateAlerts, observe, parseAlertKey, type AlertEvaluation } from './evaluate';
export type { AlertEconomics, AlertInput, AlertMarket, AlertPoolRow, AlertRig } from './inputs';
export { inactiveState, resolve, step, type StepResult } from './state-machine';
export { rigThresholds, siteThresholds, thresholdsFor } from './scope-thresholds';
export {
  DEFAULT_THRESHOLDS,
  parseThresholdOverride,
  resolveThresholds,
  thresholdOverrideSchema,
  type AlertSettings,
  type AlertThresholds,
  type ParsedOverride,
  type ThresholdOverride,
} from './thresholds';
export * from './types';
