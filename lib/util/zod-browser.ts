/**
 * zod for schemas the browser bundle loads too (tariffs, alert thresholds and policy): every module that a
 * screen imports and that builds a zod schema imports z from here. In a browser zod then runs without its
 * JIT, which probes `new Function` as each object schema is built and so breaks the Content-Security-Policy
 * (no 'unsafe-eval': each such page logged a refused eval). Importing this module is what sets it, before
 * the importing module builds its schemas; on the server, where eval is allowed, it changes nothing.
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
