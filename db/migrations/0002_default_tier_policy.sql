-- Every workspace starts with the setup defaults from DOMAIN.md as policy version 1.
INSERT INTO "tier_policies" ("version", "tier1_threshold", "tier2_threshold", "lifetime_cap_years", "raise_for_growth", "raise_for_churn_risk", "note")
VALUES (1, 50000000, 5000000, 10, true, true, 'Setup defaults');
