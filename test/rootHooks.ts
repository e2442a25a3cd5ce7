/**
 * Root hooks (a mocha "root hook plugin", required by .mocharc.json). Serially they run once for the
 * whole run; with `--parallel` once per test file, in the worker that ran it, so a worker never keeps
 * a policy-pack process alive past the file that started it.
 */
import { stopPolicyPack } from "./policyHarness";

export const mochaHooks = {
    async afterAll(): Promise<void> {
        await stopPolicyPack();
    },
};
