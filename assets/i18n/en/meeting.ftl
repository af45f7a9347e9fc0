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


## GlanceTexts
glance-college = Collège
glance-mix = Out of 100 pupils
glance-boursiers = Boursiers out of 100
glance-ips = IPS
glance-full = Full
glance-walk = On foot
glance-others = { $changed ->
    [0] { $n ->
        [one] and 1 other collège, unchanged
       *[other] and { $n } other collèges, unchanged
    }
   *[other] { $n ->
        [one] and 1 other collège, changed
       *[other] and { $n } other collèges, { $changed } of them changed
    }
}
glance-marks = IPS within ± { $pct } % of the average
glance-marks_no_band = IPS
glance-marks_now = now
glance-marks_before = before
glance-unknown = unknown
glance-pct = { $pct } %
glance-minutes = { $minutes } min
glance-before = before: { $value }
glance-spread_change = IPS gap: { $before } → { $now } points
glance-spread_same = IPS gap: { $value } points
glance-index_change = Social separation: { $before } → { $now } out of 100
glance-index_same = Social separation: { $value } out of 100
glance-index_hint = (0 = the same mix in every collège)
