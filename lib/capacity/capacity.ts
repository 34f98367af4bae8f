// A person's month in hours (DOMAIN.md, Capacity): what their book and the
// sessions they host owe, what they booked and delivered, against what they
// have (capacity hours less time off).

/** Productive hours a CSM gives their book in a month (DOMAIN.md: about 110): headcount needed = hours owed ÷ this. */
export const productiveHoursPerCsm = 110;

export type Hours = { owed: number; booked: number; delivered: number; capacity: number; timeOff: number };

export type CapacityFigures = Hours & { available: number; utilisation: number | null; over: boolean };

export function capacityFigures(h: Hours): CapacityFigures {
  const available = Math.max(0, h.capacity - h.timeOff);
  const utilisation = available > 0 ? h.owed / available : h.owed > 0 ? Infinity : null;
  return { ...h, available, utilisation, over: h.owed > available };
}

/** CSMs needed to give `owedHours` a month, at `perCsm` productive hours each. */
export function headcountNeeded(owedHours: number, perCsm = productiveHoursPerCsm): number {
  return perCsm > 0 ? owedHours / perCsm : 0;
}

/** Hours a book owes a month: accounts per tier × the tier's playbook hours per account a month. */
export function bookHours(accountsByTier: Readonly<Record<number, number>>, hoursPerAccount: Readonly<Record<number, number>>): number {
  return Object.entries(accountsByTier).reduce((sum, [tier, n]) => sum + n * (hoursPerAccount[Number(tier)] ?? 0), 0);
}
