import { redirect } from 'next/navigation';

/** "/settings" opens the first settings screen. */
export default function SettingsIndex() {
  redirect('/settings/sites');
}
