/**
 * EKS versions a stack may pin, with the end of standard support (endoflife.date/amazon-eks,
 * read 2026-11-23). Past that date EKS bills extended support ($0.60/h instead of $0.10/h).
 */
export const KUBERNETES_VERSIONS = {
    "1.33": { standardSupportEnds: "2026-07-29" },
    "1.34": { standardSupportEnds: "2026-12-02" },
    "1.35": { standardSupportEnds: "2027-03-27" },
} as const;
export const DEFAULT_KUBERNETES_VERSION = "1.35";
