/**
 * The highest pool fee accepted, percent, for a site's default and a pool alike: pools charge from about
 * 0.7 % to 4 % (economics.md), so a figure above this is a slip (a 20 meant as 2.0). Pure, for forms too.
 */
export const MAX_POOL_FEE_PCT = 10;
