/**
 * Where a case or suggestion stands in every list: by submission instant, then id. Every list sorts
 * by this one string, so a listing can merge several audiences' lists and a cursor can say "below
 * this one" for all of them at once.
 */
export const listingPosition = (record: { submittedAt: string; id: string }): string =>
  `${record.submittedAt}#${record.id}`;

/** Sorts after every position of the instant: makes an instant an inclusive upper bound. */
export const AFTER_EVERY_ID = '#~';
