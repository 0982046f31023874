#!/usr/bin/env node
// The `hashwatt` command: registers tsx so the TypeScript sources run as they are, then dispatches.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
