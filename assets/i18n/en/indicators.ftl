## TableTexts
table-unknown = unknown
table-fictional = ⚠ Fictional territory: no real data.
table-distances = Distances
table-walking_at = walking at
table-threshold = threshold
table-far_units_and = units and
table-far_colleges = collèges more than 300 m from a street: that stretch of their walk is counted as a straight line
table-rule_more_than = Rule: IPS more than
table-from_reference = from the reference
table-h_college = collège
table-h_pupils = pupils
table-h_use = use
table-h_sd = ±
table-h_bours = bours.
table-h_walk = walk
table-h_max = max
table-h_beyond = >thr.
table-h_rule = rule
table-flag_above = above
table-flag_below = below
table-flag_within = within
table-private = priv
table-est_both = Pupils and IPS estimated, not counted:
table-est_pupils = Pupils estimated, not counted:
table-est_ips = IPS estimated, not measured:
table-indices = Territory indices (Δ = change from the baseline)
table-ips_spread = IPS spread between public collèges
table-gap = max-min gap
table-estimated = , estimated
table-entropy = entropy
table-public_private = public/private
table-within_public = within public
table-within_private = within private
table-boursiers = boursiers
table-share = share

