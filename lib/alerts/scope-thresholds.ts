/** The thresholds that apply to one subject: global, then its site's override, then its rig's. */
import { resolveThresholds, type AlertSettings, type AlertThresholds } from './thresholds';
import type { AlertScope } from './types';

/** A rig's thresholds: global -> its site -> the rig. */
export function rigThresholds(settings: AlertSettings, rigId: number, siteId: number | null): AlertThresholds {
  return resolveThresholds(settings.global, siteId === null ? undefined : settings.sites[siteId], settings.rigs[rigId]);
}

/** A site's thresholds: global -> the site. */
export function siteThresholds(settings: AlertSettings, siteId: number): AlertThresholds {
  return resolveThresholds(settings.global, settings.sites[siteId]);
}

/** The thresholds for any subject; pools and the fleet use the global ones. */
export function thresholdsFor(settings: AlertSettings, scope: AlertScope, subjectId: number, siteId: number | null): AlertThresholds {
  if (scope === 'rig') return rigThresholds(settings, subjectId, siteId);
  if (scope === 'site') return siteThresholds(settings, subjectId);
  return settings.global;
}
