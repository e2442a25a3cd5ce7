import { strict as assert } from "assert";
import { cronIntervalMinutes } from "../../core/recovery";

describe("recovery model: schedule intervals", () => {
    const cases: Array<[string, number | undefined]> = [
        ["cron(0 * * * ? *)", 60],
        ["cron(15 * ? * * *)", 60],
        ["cron(0 */4 * * ? *)", 240],
        ["cron(0 0/6 * * ? *)", 360],
        ["cron(0 3,15 * * ? *)", 720],
        ["cron(0 1,2,23 * * ? *)", 21 * 60],
        ["cron(0 3 * * ? *)", 1440],
        ["cron(0 4 ? * SUN *)", 7 * 1440],
        ["cron(0 4 ? * MON,THU *)", 4 * 1440],
        ["cron(0 4 ? * 2-6 *)", 3 * 1440],
        ["cron(0 6 1 * ? *)", 31 * 1440],
        ["cron(0 6 ? * MON#1 *)", 35 * 1440],
        ["cron(0,30 * * * ? *)", 30],
        // Not judged: the caller must say it cannot tell, not pass.
        ["cron(0 3 * 1 ? *)", undefined],
        ["cron(0 3 L * ? *)", undefined],
        ["rate(1 hour)", undefined],
        ["cron(0 3 * *)", undefined],
        ["cron(61 * * * ? *)", undefined],
        ["", undefined],
    ];
    for (const [expression, minutes] of cases) {
        it(`${expression || "(empty)"} -> ${minutes ?? "cannot tell"}`, () => assert.equal(cronIntervalMinutes(expression), minutes));
    }

    it("never throws on values that are not strings", () => {
        for (const v of [undefined, null, 5, {}, ["cron(0 * * * ? *)"]]) assert.equal(cronIntervalMinutes(v), undefined);
    });
});
