/** The one money format of every report and finding: `$1,234.56`; `-` for an amount that is not known. */
export function usd(n: number | null): string {
    return n === null ? "-" : `${n < 0 ? "-" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * An amount rounded to cents, halves away from zero, so a charge and the credit that cancels it
 * round to the same size (`Math.round` takes -0.005 to -0 but 0.005 to 0.01: a free tier that
 * covers a line whole left a cent). A half is the decimal half it is written as: 1.005 x 100 is
 * 100.49999999999999 in binary, so the amount in cents is first read to 15 significant digits
 * (what a double holds exactly) and only then rounded. Never -0.
 */
export function cents(n: number): number {
    const inCents = Number((Math.abs(n) * 100).toPrecision(15));
    return (Math.sign(n) * Math.round(inCents)) / 100 + 0;
}
