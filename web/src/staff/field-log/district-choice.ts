/** A district the officer may log field work in (the officer's own districts first). */
export type DistrictChoice = { code: string; name: string };
