/**
 * Root layout: document shell, title, phone viewport, app icons and the service worker registration. Fonts are the system stack from globals.css,
 * never fetched at build time (the build machine may have no internet).
 */
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DemoBanner } from './components/nav/DemoBanner';
import { SessionProvider } from './components/nav/session-context';
import { ServiceWorkerRegister } from './components/pwa/ServiceWorkerRegister';
import { StorageBanner } from './components/storage/StorageBanner';
import { currentPrincipal } from './principal';
import './globals.css';

export const metadata: Metadata = {
  title: 'Hashwatt',
  description: 'Live hash rate, power and efficiency of your mining fleet.',
  // The manifest link comes from app/manifest.ts.
  icons: { icon: '/favicon.ico', apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'Hashwatt', statusBarStyle: 'black-translucent' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // Dark browser chrome on phones, matching the control-room theme.
  themeColor: '#0a0e14',
  colorScheme: 'dark',
};

/** The html/body shell every page renders into, with who is signed in for the nav and, for them, the storage banner and the demo banner (while demo rigs sit beside real ones). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const who = await currentPrincipal();
  return (
    <html lang="en">
      <body>
        {who && <StorageBanner />}
        <SessionProvider session={who ? { name: who.name, role: who.role, via: who.via } : null}>
          {who && <DemoBanner siteIds={who.siteIds} />}
          {children}
        </SessionProvider>
        <ServiceWorkerRegister />
      </body>
    </html>
  );
}
