## AssistantTexts
assistant-button = Assistant…
assistant-title = Assistant: propose a better-mixed map
assistant-intro = The assistant moves blocks at the edges of sectors to find a map where social groups are more mixed, within your limits. Its proposal becomes a new scenario: you choose which changes to keep.
assistant-index_heading = Index to lower (out of 100, 0 = perfectly mixed)
assistant-index_entropy = Social separation between collèges (H index, every social group)
assistant-index_boursiers = Share of boursiers who would have to change collège
assistant-index_disadvantaged = Share of disadvantaged pupils who would have to change collège
assistant-unknown_here = unknown here
assistant-constraints_heading = Limits
assistant-capacity = Every collège filled between
assistant-and = and
assistant-walk_increase = Walk longer by at most (m)
assistant-walk_max = Walk of at most (m)
assistant-moved_max = Pupils changing collège, at most
assistant-contiguous = Keep every sector in one piece
assistant-schools = Keep écoles whole (the blocks of one école go to the same collège; { $n ->
        [one] { $n } école
       *[other] { $n } écoles
    })
assistant-schools_unknown = Keep écoles whole
assistant-schools_unknown_hint = This territory's data does not say which école each block belongs to. When importing, choose the “School” column to keep écoles whole.
assistant-capacity_unknown_hint = No collège of this territory has a known capacity: this limit could hold nothing back. Give the capacities in the collège table when importing to use it.
assistant-school_move = { $school }, { $n ->
        [one] { $n } block
       *[other] { $n } blocks
    }
assistant-blocks = { $n ->
        [one] { $n } block
       *[other] { $n } blocks
    }
assistant-show_on_map = Show on the map
assistant-preview_banner = Assistant preview: { $n ->
        [one] { $n } block (outlined in orange)
       *[other] { $n } blocks (outlined in orange)
    } would change collège, { $pupils } pupils. Nothing is changed yet.
assistant-preview_hint = To edit the map, close the assistant or untick “Show on the map”.
assistant-preview_word = Assistant preview
assistant-locked_note = What is locked ({ $u ->
        [one] { $u } block
       *[other] { $u } blocks
    }, { $c ->
        [one] { $c } collège
       *[other] { $c } collèges
    }), private or closed collèges and shared blocks stay as they are.
assistant-locked_note_none = Private or closed collèges and shared blocks stay as they are.
assistant-seconds = Search time (s)
assistant-run = Start the search
assistant-stop = Stop and keep the best map
assistant-phase_greedy = First proposal…
assistant-phase_annealing = Looking for a better map…
assistant-phase_polish = Finishing…
assistant-best_so_far = Best map found
assistant-result_heading = Proposal
assistant-index_line = Index (out of 100)
assistant-first_after = first proposal ready in
assistant-moved_line = { $units ->
        [one] { $units } block changes
       *[other] { $units } blocks change
    } collège · { $pupils } pupils
assistant-walk_line = Mean walk of the pupils moved
assistant-nothing_found = No move lowers the index within these limits: try wider limits.
assistant-moves_heading = Proposed changes (most useful first)
assistant-gain_hint = How much this change alone lowers the index (out of 100)
assistant-pupils = pupils
assistant-check_all = Check all
assistant-check_none = Uncheck all
assistant-accept = Create the scenario with { $n ->
        [one] the checked change
       *[other] the { $n } checked changes
    }
assistant-accept_anyway = Make the scenario anyway with { $n ->
        [one] the checked change
       *[other] the { $n } checked changes
    }
assistant-checked_line = With the checked changes: { $before } → { $after }
assistant-breaches_heading = { $n ->
    [one] These changes break a limit:
   *[other] These changes break { $n } limits:
}
assistant-notes_breaches = Limits broken by the changes kept: { $list }.
assistant-breach-over = { $college } filled to { $fill }% (limit: { $limit }%)
assistant-breach-under = { $college } filled to only { $fill }% (limit: { $limit }%)
assistant-breach-moved = { $moved } pupils change collège (limit: { $max })
assistant-breach-longer = { $n ->
    [one] 1 block's walk grows
   *[other] { $n } blocks' walks grow
} by up to { $worst } km (limit: { $max } km)
assistant-breach-far = { $n ->
    [one] 1 block is
   *[other] { $n } blocks are
} up to { $worst } km from their collège (limit: { $max } km)
assistant-breach-pieces = the sector of { $college } is in { $pieces } pieces ({ $before } before)
assistant-accepted = Scenario “{ $name }” created: { $n } blocks change collège (Ctrl+Z to undo).{ $skipped ->
        [0] {""}
       *[other] {" "}{ $skipped } changes skipped: the map changed since the search.
    }
assistant-stale = The map changed since the search: { $n ->
        [one] { $n } change no longer applies
       *[other] { $n } changes no longer apply
    }.
assistant-scenario_name = Assistant's proposal
assistant-limit-capacity = every collège filled between { $low }% and { $high }%
assistant-limit-walk_increase = no walk longer by more than { $km } km
assistant-limit-walk_max = no walk longer than { $km } km
assistant-limit-moved = at most { $n } pupils change collège
assistant-limit-contiguous = every sector in one piece
assistant-limit-schools = the blocks of one école go to the same collège
assistant-notes = Proposed by the assistant to lower: { $index }. Limits: { $limits }.
assistant-index_unknown = This index is unknown for this territory: its data lacks the counts it needs. Choose another index.
assistant-nothing_movable = No block can change collège: everything is locked, closed or private.

## assist --frontier
frontier-heading = { $territory }: the lowest index found for each cap on pupils moved (out of 100; current map: { $start })
frontier-cap = cap
frontier-moved = moved
frontier-index = index
frontier-knee = Beyond { $moved } pupils moved, each further hundred gains only { $gain } { $ips ->
        [yes] point of IPS spread
       *[no] point out of 100
    }.
frontier-no-knee = The curve does not bend: each hundred pupils moved gains about as much.
frontier-time = { $points } points in { $seconds } s.
frontier-unknown = The index asked cannot be computed on this territory.
frontier-beats = more mixed than
ensemble-what = Comparison: { $maps } maps drawn at random, without looking at the mix, that respect the same rules ({ $rules }), each { $changes } border changes from the one before, starting from the current map. It is not the set of every possible map: these maps still resemble the current one.
ensemble-rule-contiguous = sectors in one piece
ensemble-rule-capacity = capacity use between { $low } and { $high } %
ensemble-rule-walk = walks at most { $metres } m longer
ensemble-rule-schools = écoles whole
ensemble-rule-none = no rule
ensemble-current = The current map is more mixed than { $share } % of these { $maps } maps.
ensemble-proposal = The proposal is more mixed than { $share } % of these { $maps } maps.
ensemble-panel = This map is more mixed ({ $index }) than { $share } % of the { $maps } maps drawn at random under the same rules (see "What mixing costs…").

## The window "What mixing costs" (the frontier and the neutral ensemble)
front-title = What mixing costs
front-open = What mixing costs…
front-open_hint = The curve of the lowest index found for each number of pupils moved, under the rules above, and where the project's scenarios stand.
front-intro = For each cap on pupils moved, the assistant looks for the most mixed map that keeps the rules chosen in the assistant, starting from the current map. The curve shows what each hundred pupils moved gains.
front-rules = Rules: { $rules }.
front-up_to = Up to
front-in_points = pupils moved, in
front-points = points,
front-seconds = s of search per point
front-ensemble = Compare with
front-maps = maps drawn at random
front-run = Draw the curve
front-stop = Stop
front-progress = Point { $point } of { $points }
front-drawing = Drawing maps at random
front-axis_moved = pupils moved (from the current map)
front-axis_index = { $index } — lower: more mixed
front-current = current map
front-band = 90 % of the { $maps } random maps
front-walk_legend = Colour of the points: mean walk, from { $low } km (blue) to { $high } km (orange).
front-point = { $moved } pupils moved · index { $index } · mean walk { $walk }
front-walk_unknown = unknown
front-keep = Keep this map as a scenario
front-click_hint = Click a point of the curve to see its map.
front-table_heading = The project's scenarios against the curve
front-col_name = Scenario
front-col_moved = Pupils moved
front-col_index = Index
front-col_curve = Against the curve
front-col_ensemble = More mixed than
front-on_curve = on the curve or better
front-above_curve = the curve does { $gap } better with as many pupils moved
front-beyond_curve = beyond the curve drawn
front-share = { $share } % of the maps
front-not_drawn = no draw
front-kept_name = Curve, { $moved } pupils moved
front-notes = Map from the curve "What mixing costs": the lowest { $index } found with at most { $moved } pupils moved. Limits: { $limits }.
front-kept = Scenario "{ $name }" created from the curve ({ $blocks } blocks change collège).
front-empty = No map of the curve changes anything: the rules leave nothing to move.
front-scenario_place = "{ $name }" is more mixed than { $share } % of these { $maps } maps.
front-scenario_line = "{ $name }": { $moved } pupils moved, index { $index }, { $curve }.
front-scenario_line_drawn = "{ $name }": { $moved } pupils moved, index { $index }, { $curve }; more mixed than { $share } % of the random maps.
front-handout_option = Add "What mixing costs" to the handout (the curve drawn in the assistant)
front-handout_none = To add "What mixing costs", draw the curve first: Assistant → What mixing costs…
front-handout_from = The curve starts from the current map when it was drawn; each point is the most mixed map the assistant found in { $seconds } s, not a proof that no better one exists.
