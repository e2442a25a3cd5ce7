/** The one money format of every report and finding: `$1,234.56`; `-` for an amount that is not known. */
export function usd(n: number | null): string {
    return n === null ? "-" : `${n < 0 ? "-" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * An amount rounded to cents, halves away from zero, so a charge and the credit that cancels it
 * round to the same size (`Math.round` takes -0.005 to -0 but 0.005 to 0.01: a free tier that
 * covers a line whole left a cent). Never -0.
 */
export function cents(n: number): number {
    return (Math.sign(n) * Math.round(Math.abs(n) * 100)) / 100 + 0;
}
