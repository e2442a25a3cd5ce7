/**
 * Entry point of the pack (package.json "main"), as `pulumi preview --policy-pack policies` loads
 * it: rebuilds the bundle if a source changed, then runs it. Loading a bundle takes ~1 s where
 * type-checking the TypeScript with ts-node takes ~3 s; `npm test` type-checks it instead.
 */
module.exports = require(require("../tools/build").ensureBuilt("policies"));
