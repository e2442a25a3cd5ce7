/**
 * Root hooks (a mocha "root hook plugin", required by .mocharc.json). Serially they run once for the
 * whole run; with `--parallel` once per test file, in the worker that ran it, so a worker never keeps
 * a policy-pack process alive past the file that started it.
 *
 * Every CLI `main()` a test calls checks its stacks with the harness's pack (started on first use in
 * the file) rather than starting one of its own: one pack start per test file instead of one per call.
 */
import { shareOnePolicyPack } from "../tools/pipeline/checkStacks";
import { policyPack, stopPolicyPack } from "./policyHarness";

shareOnePolicyPack(async () => {
    const { pack, info } = await policyPack();
    return { process: pack, info };
});

export const mochaHooks = {
    async afterAll(): Promise<void> {
        await stopPolicyPack();
    },
};
