/** Pieces every HTTP channel's sender shares: joining URLs, whether a notification has a firing alert. */

/** `base` without trailing slashes, so `${base}/path` never doubles them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/** True when any alert of the notification is firing. */
export function anyFiring(alerts: readonly { state: string }[]): boolean {
  return alerts.some((a) => a.state === 'firing');
}
