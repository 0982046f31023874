/** Builds the web app for the browser tests when it is older than the sources (tests/support/run-suite.mjs). */
import setup from './global-setup';

await setup();
