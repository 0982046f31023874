#!/usr/bin/env node
// The `hashwatt` command: registers tsx so the TypeScript sources run as they are, then dispatches.
import { register } from 'tsx/esm/api';

register();
// Everything a command creates (the database, its -wal/-shm, backups, the key file) is the owner's alone;
// the processes `hashwatt start` runs inherit it.
process.umask(0o077);
const { runCli } = await import('./cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
