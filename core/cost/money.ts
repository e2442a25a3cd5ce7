/** The one money format of every report and finding: `$1,234.56`; `-` for an amount that is not known. */
export function usd(n: number | null): string {
    return n === null ? "-" : `${n < 0 ? "-" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
