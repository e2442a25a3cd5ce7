/** `npm run bench`: every benchmark of the project, figures printed, nothing asserted. */
import { benchPlan } from "./plan";

benchPlan();
