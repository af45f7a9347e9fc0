## MeetingTexts
meeting-boursier_part = boursiers
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

glance-ips_estimated = (estimated IPS)
glance-estimated = (estimated)

glance-no_capacity = Collèges' places: unknown
glance-no_walk = Walks: unknown

## ScenariosTexts
scen-title = Scenarios and proposals
scen-help = Every scenario of the project, including proposals received (project or scenario files made on this territory). Click a heading to sort; tick two scenarios to compare them side by side.
scen-col_compare = Compare
scen-col_name = Scenario
scen-col_author = Author
scen-col_separation = Separation (out of 100)
scen-col_spread = IPS gap
scen-col_moved = Pupils moved
scen-col_walk = Mean walk
scen-col_over = Collèges over capacity
scen-separation_hint = 0 = the same mix in every collège; the lower, the more mixed the collèges. Social separation (H) of the social groups, or else the share of boursiers who would have to change collège.
scen-col_ensemble = More mixed than ({ $index }, { $maps } random maps)
scen-ensemble_hint = The share of the maps drawn at random in "What mixing costs" (same rules, without looking at the mix) that are less mixed than this scenario, for this index.
scen-hidden = fewer than 5
scen-unknown = unknown
scen-compare = Compare the two ticked scenarios
scen-compare_hint = Tick exactly two scenarios.
scen-show_hint = Show this scenario on the map
scen-add = Add proposals…
scen-path_label = Or the files' paths (separated by ;):
scen-path_hint = for example /home/me/Documents/parents-proposal.cartemixite
scen-add_typed = Add
scen-reading = Reading the proposals…
scen-added = { $scenarios ->
    [0] No proposal added
    [one] 1 proposal added
   *[other] { $scenarios } proposals added
} ({ $files ->
    [one] 1 file read
   *[other] { $files } files read
})
scen-refused = { $n ->
    [one] 1 file refused:
   *[other] { $n } files refused:
}
scen-minutes = { $minutes } min
scen-err-unreadable = { $file }: cannot be read ({ $reason }).
scen-err-too_large = { $file }: { $mb } MB, far more than a proposal; choose the project or scenario file.
scen-err-not_a_proposal = { $file }: not a Carte Mixité project or scenario (a .cartemixite or .json file saved by the application).
scen-err-damaged = { $file }: damaged file ({ $reason }).
scen-err-other_territory = { $file }: made on another territory ({ $n ->
    [one] 1 block or collège it names does not exist here
   *[other] { $n } blocks or collèges it names do not exist here
}); ask for a proposal made on this territory.
scen-err-incomplete = { $file }: { $n ->
    [one] 1 block is left without a collège
   *[other] { $n } blocks are left without a collège
}; every block needs its collège.
scen-err-empty = { $file }: no proposal in it, only the current map.

## RecordTexts
rec-header = kind,time,scenario,about,who,remark,social separation (out of 100),IPS gap (points),pupils moved,mean walk (min),collèges over capacity
rec-kind_remark = remark
rec-kind_snapshot = frozen
rec-about_block = block { $name }
rec-about_scenario = the scenario
rec-title = Remarks from the room
rec-help = Note what the room says, on a block (the "Remark" tool, then a click on the map), on the chosen collège or on the scenario. Everything is kept in the project and goes into the record.
rec-text_label = Remark:
rec-who_label = Who (optional):
rec-on_scenario = On the scenario
rec-on_college = On the collège { $name }
rec-on_block = On the block { $name }
rec-pin = Pin the remark
rec-freeze = Freeze for the record
rec-freeze_hint = Keeps the figures of the scenario shown, at this time, for the record.
rec-frozen = Figures of "{ $scenario }" frozen for the record.
rec-list_heading = { $n ->
    [0] No remark yet
    [one] 1 remark
   *[other] { $n } remarks
}
rec-remove = Remove
rec-export = Write the record (PDF and CSV)
rec-export_label = Record file:
rec-exported = Record written: { $path }
rec-export_failed = The record could not be written: { $reason }
rec-pdf_title = Meeting record – { $territory }
rec-pdf_intro = The scenarios the room spoke of, the figures frozen during the meeting and the room's remarks, in the order they were made.
rec-pdf_scenarios = The scenarios
rec-pdf_snapshots = Figures frozen for the record
rec-pdf_none = None.
rec-pdf_unknown = unknown
rec-pdf_hidden = fewer than 5
rec-pdf_snapshot = { $at } · "{ $scenario }"
rec-pdf_figures = Social separation: { $separation } out of 100 (0 = the same mix in every collège) · IPS gap between public collèges: { $spread } points · pupils who change collège: { $moved } · mean walk: { $walk } min · { $over ->
    [0] no collège over its places
    [one] 1 collège over its places
   *[other] { $over } collèges over their places
}
rec-pdf_on_scenario = On "{ $scenario }"
rec-pdf_remark = { $at } · { $about } · { $who }: "{ $text }"
rec-pdf_anonymous = unnamed
rec-pdf_confidential = Confidentiality: no count under 5 pupils is shown. The figures are Carte Mixité's at the time they were frozen.
rec-tool = Remark

## Mon adresse: the place search

addr-label = My address
addr-hint = number and street, place, collège…
addr-clear = Clear
addr-nothing = No place has these words.
addr-from_book = { $n } addresses ({ $file }) and the territory's places
addr-from_streets = { $n ->
    [0] The territory's places only (no named street)
    [one] 1 named street (no house numbers) and the territory's places
   *[other] { $n } named streets (no house numbers) and the territory's places
}
addr-add_book = Add the addresses (BAN)…
addr-path_label = Address file:
addr-reading = Reading the addresses…
addr-book_failed = The addresses of { $file } could not be read: { $reason }. The file expected is the Base Adresse Nationale's (adresses-XX.csv or .csv.gz, columns numero, nom_voie, code_insee, lon, lat).
addr-book_empty = No address of { $file } lies in this territory: is it the right département's file?
addr-now = Current map
addr-then = "{ $name }"
addr-same = unchanged
addr-walk = { $minutes } min on foot
addr-walk_estimated = { $minutes } min on foot (straight line, estimated)
addr-walk_pending = on foot: computing…
addr-walk_unknown = on foot: unknown
addr-outside = Outside the territory
addr-unassigned = no collège
addr-nearest = Number { $asked } is not in the file: here is number { $shown }, the nearest on the same side.
addr-unnumbered = The territory's streets have no house numbers: number { $asked } cannot be placed. Here is each block the street crosses.
addr-parts = { $n ->
    [one] In 1 block:
   *[other] In { $n } blocks:
}
addr-more_parts = { $n ->
    [one] and 1 more block
   *[other] and { $n } more blocks
}
addr-pin_hint = The red marker shows the place searched for.
addr-kind-address = address
addr-kind-street = street
addr-kind-block = block
addr-kind-college = collège
addr-kind-landmark = landmark
