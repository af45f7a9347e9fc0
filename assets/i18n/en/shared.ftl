## SharedTexts
shared-button = Shared sectors…
shared-title = Sectors shared between several collèges
shared-intro = A shared sector merges the sectors of several collèges under one rule, as in Paris. Maps and indicators show the expected average; here is what the rule really gives.
shared-new_heading = New shared sector
shared-pick_colleges = Collèges whose sectors are merged:
shared-alternating = Montée alternée: each year the whole 6e goes to one collège, then to the other
shared-alternating_help = Pupils already in stay in their collège; the make-up changes from year to year.
shared-first_year = First school year of the rule
shared-lottery = Algorithmic assignment: families rank the collèges, some seats are reserved for boursiers
shared-lottery_help = Deferred acceptance (families propose, each collège keeps the best ranks: boursiers first on reserved seats, then a lottery). Rankings follow walking distance plus some personal taste. Simulated many times.
shared-seats = 6e seats
shared-appeal = · appeal to families (extra km of walk they would accept)
shared-reserve = Seats reserved for boursiers
shared-spread = Weight of personal taste (km of walk)
shared-runs = Simulated years
shared-pick_two = Pick at least two collèges.
shared-create = Create the shared sector
shared-blocks = blocks
shared-over_places = ⚠ over its { $places } places ({ $fill }%)
shared-cycle_heading = Each collège, year by year (the first 4 school years):
shared-pupils = pupils
shared-boursiers = boursiers
shared-intake = 6e entrants a year
shared-lottery_summary = { $runs } simulated years, { $families } families a year, { $reserve } % of seats reserved for boursiers. Expected 6e intake:
shared-odds_heading = A family's odds by block:
shared-no_place = no place
shared-hidden = fewer than 5 pupils: not shown
shared-created = Shared sector “{ $name }” created: { $units ->
        [one] { $units } block
       *[other] { $units } blocks
    } (Ctrl+Z to undo).

