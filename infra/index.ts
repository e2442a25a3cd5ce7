/**
 * Pulumi entry point (`main: infra/` in Pulumi.yaml). Exporting the program as a function lets the
 * Pulumi CLI run it as usual (it calls an exported function and uses its result as stack outputs)
 * and lets the offline engine run it once per stack in one process.
 */
import { deploy } from "./program";

export = deploy;
