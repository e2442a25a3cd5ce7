/** `npm run bench`: every benchmark of the project, figures printed, nothing asserted. */
import { benchPlan } from "./plan";
import { benchPolicies } from "./policies";

async function main() {
    benchPlan();
    console.log("");
    await benchPolicies();
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
