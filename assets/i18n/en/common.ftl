## CommonTexts
common-number_group = ,
common-number_decimal = .
common-places = { $n ->
        [1] 1 place
       *[other] { $n } places
    }
common-percent_sign = {" "}%
common-colon = :{" "}
common-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
common-percent_tight = { $n }%
common-labelled = { $label }: { $value }
common-quoted = “{ $name }”
common-public = public
common-private = private
common-yes = yes
common-no = no
common-no_walkable_network = the territory's streets form no walkable network
common-unchanged = = unchanged
common-baseline_read_only = the baseline is the current carte scolaire and cannot be changed: create a new scenario from it
common-locked_unit = « { $name } » is locked: unlock it first
common-locked_college = the collège « { $name } » is locked: unlock it first
common-assignment_refused = { $reason }
common-closed_college = the collège « { $name } » is closed in this scenario: reopen it first
common-still_has_units = the collège « { $name } » still receives { $units } units: give them to other collèges first
common-refused = { $reason }

## MbTilesTexts
mbtiles-open = cannot open { $path }: { $message }.
mbtiles-not_mbtiles = { $path } is not an MBTiles file (no `tiles` table).
mbtiles-vector = { $path } holds vector tiles (pbf); only raster tiles (png, jpg) are supported.
mbtiles-empty = { $path } holds no tile.

## The DEPP social groups inside a sentence
group-very_favoured = very favoured
group-favoured = favoured
group-middle = middle
group-disadvantaged = disadvantaged

## The glossary: one plain definition per term the public reads

gloss-ips-name = IPS (social position index)
gloss-ips-def = a number the Ministry computes from the occupations of pupils' parents: the higher it is, the more advantaged the families. It runs from about 50 to 180; the national average of collèges is about 100.
gloss-boursiers-name = Boursiers
gloss-boursiers-def = pupils whose family receives the collège grant, given according to income: their share says how many low-income families a collège takes in.
gloss-separation-name = Social separation (out of 100)
gloss-separation-def = an index of how far social groups are kept apart between collèges: 0 when every collège has the same mix as the whole territory, 100 when each group has collèges of its own. The lower, the more mixed (Theil's entropy index H).
gloss-dissimilarity-name = Share that would have to change collège
gloss-dissimilarity-def = the share of a group's pupils (boursiers, for example) who would have to change collège for every collège to have the same proportion of them (dissimilarity index): 0% when they are evenly spread.
gloss-ips_spread-name = IPS gap between collèges
gloss-ips_spread-def = how far the public collèges' IPS lie from their average, in IPS points (standard deviation weighted by pupils): 0 when every collège has the same IPS.
gloss-montee_alternee-name = Montée alternée (alternating intake)
gloss-montee_alternee-def = neighbourhoods shared between two or more collèges, which send their 6e pupils to one collège one year and to the other the next: each collège takes in each neighbourhood's children in turn.
gloss-deferred_acceptance-name = Deferred acceptance
gloss-deferred_acceptance-def = an assignment rule for a shared sector: each family ranks the collèges, each collège keeps its places for the best-placed requests (boursiers first on reserved places, then a lottery), and a family turned down goes on to its next choice.
gloss-leopard_skin-name = Leopard skin
gloss-leopard_skin-def = a sector in several pieces, on purpose: neighbourhoods apart from one another send their pupils to the same collège to mix social groups.
common-glossary_heading = Words used
