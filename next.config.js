/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // No page uses next/image. Its optimizer (/_next/image?url=...) fetches the URL it is given from inside the
  // server, past the gate: a viewer could have it read /api/users. Off, it answers 404.
  images: { unoptimized: true },
  reactStrictMode: true,
  async headers() {
    return [
      {
        // The service worker: browsers must re-check it on every load so a new version takes over.
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache' },
          { key: 'Service-Worker-Allowed', value: '/' },
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
        ],
      },
    ];
  },
};

export default nextConfig;
