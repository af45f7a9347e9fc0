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
