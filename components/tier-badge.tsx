// The look is in app/globals.css (.tier, .tier-<n>): a tier badge is on every row of the account list.

/** "T1" / "T2" / "T3"; a dot marks a tier set by an override. */
export function TierBadge({ tier, override, label, size = 'sm' }: { tier: number; override?: boolean; label: string; size?: 'sm' | 'lg' }) {
  return (
    <span title={label} className={`tier tier-${tier}${size === 'lg' ? ' tier-lg' : ''}`}>
      T{tier}
      {override && <span aria-hidden className="size-1.5 rounded-full bg-amber-400" />}
      <span className="sr-only">{label}</span>
    </span>
  );
}
