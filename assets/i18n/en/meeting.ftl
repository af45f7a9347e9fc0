## MeetingTexts
meeting-boursier_part = boursiers (grant holders)
meeting-not_boursier_part = others
meeting-hidden = { $n } not shown (fewer than 5 pupils)
meeting-out_of_100 = Out of 100 pupils of this collège:
meeting-before = Before:
meeting-mix_unknown = Social mix: unknown
meeting-ips = Social position index (IPS):
meeting-gauge_wide_low = much less favoured
meeting-gauge_wide_mid = territory average
meeting-gauge_wide_high = much more favoured
meeting-gauge_narrow_low = less favoured
meeting-gauge_narrow_mid = average
meeting-gauge_narrow_high = more favoured
meeting-band = Green frame: within { $pct } % of the average.
meeting-full = { $pct } % full
meeting-full_before = {" "}(before: { $pct } %)
meeting-places_unknown = Places: unknown
meeting-walk = { $minutes } min on foot on average ({ $how })
meeting-walk_before = , before: { $minutes } min
meeting-walk_unknown = Walk: unknown

