// A campaign's goal conversion: did the accounts it reached do the goal
// event (a mapped signal) within the window, more often than the accounts of
// its audience it did not reach?
//
// - Delivered group: every account with a delivery; its window starts on the
//   day of its first delivery.
// - Comparison group: the audience's accounts with no delivery; their window
//   starts on the campaign's first day (they have no delivery to start from).
// An account converts when its first goal event on or after its window's
// start falls within `windowDays` days of it (the start day is day 0, so a
// 14-day window is days 0…14).

/** Accounts of one group whose first goal event came `daysToGoal` days after their window's start (null: none since). */
export type ConversionRow = { delivered: boolean; daysToGoal: number | null; accounts: number };

export type GroupConversion = { accounts: number; converted: number; rate: number | null };

export type Conversion = {
  delivered: GroupConversion;
  comparison: GroupConversion;
  /** Delivered rate minus comparison rate (percentage points as a fraction); null when either group is empty. */
  lift: number | null;
};

function group(rows: readonly ConversionRow[], windowDays: number): GroupConversion {
  let accounts = 0;
  let converted = 0;
  for (const r of rows) {
    accounts += r.accounts;
    if (r.daysToGoal !== null && r.daysToGoal >= 0 && r.daysToGoal <= windowDays) converted += r.accounts;
  }
  return { accounts, converted, rate: accounts ? converted / accounts : null };
}

/** The two groups' conversion from the grouped rows the campaign's SQL returns. */
export function goalConversion(rows: readonly ConversionRow[], windowDays: number): Conversion {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive whole number, not ${windowDays}`);
  const delivered = group(
    rows.filter((r) => r.delivered),
    windowDays,
  );
  const comparison = group(
    rows.filter((r) => !r.delivered),
    windowDays,
  );
  return { delivered, comparison, lift: delivered.rate !== null && comparison.rate !== null ? delivered.rate - comparison.rate : null };
}
