/**
 * Preloaded by `npm run mutation` (NODE_OPTIONS) in Stryker and its test-runner processes.
 * @stryker-mutator/mocha-runner 9.6.1 (the last release for Node 20) requires mocha's
 * `lib/cli/run-helpers` and `lib/cli/options` without an extension; mocha 12 ships them as `.cjs`.
 * Letting require() try `.cjs` as well makes those paths resolve; nothing else changes.
 */
"use strict";
if (!require.extensions[".cjs"]) require.extensions[".cjs"] = require.extensions[".js"];
