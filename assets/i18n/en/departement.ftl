## DepartementTexts
departement-title = A département from the national files
departement-help = Give the folder where you downloaded the ministry's files (directory, geolocation, IPS and headcounts of collèges and écoles, carte scolaire), the commune contours and, if you have it, the address file (BAN). Each file is recognised by its columns, whatever its name.
departement-folder = Folder (or files, separated by ;)
departement-browse = Browse…
departement-code = Département code
departement-code_hint = e.g. 35; read from the files when empty
departement-name = Territory name
departement-uai_column = UAI column (optional)
departement-uai_hint = when a table spells it its own way
departement-read = Read the files
departement-files = What each file is
departement-missing = Missing files, and what each would add
departement-build = Build the territory
departement-step_recognising = Recognising the files…
departement-step_contours = Reading the contours…
departement-step_colleges = Reading the collèges…
departement-step_ecoles = Reading the écoles…
departement-step_addresses = Reading the addresses…
departement-step_building = Building the territory…
departement-open = Open in the editor
departement-close = Close
departement-details = Details
departement-problems = Problems in the files
departement-nothing_recognised = None of the expected national files in this folder.
departement-from_import = A département from the national files…
departement-uai_of_table = UAI:


## The département import, in sentences
dep-details = { $colleges } collèges: { $public_colleges } public, { $private_colleges } private under contract{ $hors_contrat ->
        [0] {""}
       *[other] {" "}({ $hors_contrat } outside contract left out)
    }; { $with_ips } with a published IPS, { $with_headcount } with a published headcount.
dep-details-2 = { $unplaced } collèges without a position (not in the geolocation file), left out: { $list }
dep-details-3 = { $unknown_carte_colleges } collèges of the carte scolaire are in no collège table: { $list }
dep-details-4 = Divided by streets: add the address file (BAN) to split them: { $streets_estimated }
dep-details-5 = Missing from the carte scolaire (communes merged since?): { $not_in_carte }
dep-details-6 = Addresses: { $rows_read } read, { $in_communes } in the communes divided by streets, { $matched } matched to a row of the carte scolaire ({ $share }); { $number_outside } outside every number range.
dep-details-7 = { $unmatched_addresses } addresses on { $unmatched_street_count } streets no row of the carte scolaire names, for example: { $ex }
dep-details-8 = { $rows_without_address_count } streets of the carte scolaire without any address, for example: { $ex }
dep-details-9 = IPS estimated for { $units_with_ips } units from the published IPS of { $ips_ecoles } écoles, weighted by their pupils.
dep-details-10 = IPS per unit: unknown; add the écoles' IPS (fr-en-ips-ecoles).
dep-details-11 = Social separation (H) and the shares that would have to change collège: unknown without social groups or boursiers per unit; add a census table (INSEE, CS1 to CS8 per commune or IRIS). The spread of collèges' IPS is computed.
dep-details-12 = { $empty } public collèges with no pupil in their current sector (a commune divided by streets given to another collège?): { $list }
dep-details-13 = Capture (published headcount / estimated pupils of the sector), { $rates } public collèges: median { $median }, from { $low } ({ $low_name }) to { $high } ({ $high_name }). Below 100 %, families of the sector go elsewhere (private, derogation): the trace of avoidance.
dep-files = Files:
dep-missing_files = Missing, and what each would add:
dep-estimated_note = {" "}(estimated)
dep-spread_line = Spread of IPS between the { $colleges } public collèges{ $est }: { $spread } points around { $mean }; a gap of { $gap } points between { $highest } and { $lowest }.
dep-gap_text = least to most favoured: { $gap } points (3 or less: not meaningful)
dep-unknown_indices_hint = Unknown without social groups or boursiers per block: import a census table (INSEE, CS1 to CS8) or boursier counts.
dep-estimated_suffix = {" "}(estimated)
dep-unknown = unknown
dep-spread_head = IPS spread between public collèges:
dep-points = points
dep-headline = { $name }: { $units } units, { $colleges } collèges.


## The national files: roles, what each adds, why one is not used
role-name-directory = education directory
role-name-geolocation = geolocation of establishments
role-name-college_ips = collège IPS
role-name-ecole_ips = école IPS
role-name-college_headcounts = collège headcounts by level
role-name-ecole_headcounts = école headcounts by level
role-name-second_degree_headcounts = second-degré headcounts
role-name-carte_scolaire = carte scolaire of public collèges
role-name-communes = commune contours
role-name-iris = IRIS contours
role-name-census = INSEE census table
role-name-addresses = addresses (BAN)
role-adds-communes = required: communes are the map's units (IGN Admin Express, or communes-NN.geojson)
role-adds-iris = units finer than communes (IGN, IRIS)
role-adds-directory = the list of collèges, public or private under contract, and each école's commune
role-adds-geolocation = each collège's exact position
role-adds-carte_scolaire = the current map; without it each commune goes to the nearest public collège
role-adds-college_ips = each collège's published IPS
role-adds-college_headcounts = each collège's published headcount and REP network
role-adds-second_degree_headcounts = a published headcount when the by-level file is missing
role-adds-ecole_ips = each commune's IPS, estimated from its écoles
role-adds-ecole_headcounts = each commune's pupils, estimated from its écoles
role-adds-census = social groups (CS1 to CS8), hence the social separation (H) and the shares that would have to change collège
role-adds-addresses = splitting the communes divided by streets
refusal-shapefile_part = part of a shapefile: open the .shp (the other files are read with it)
refusal-unsupported = unsupported format ({ $f }): in QGIS, "Export › Save Features As…" to GeoJSON or CSV
refusal-not_atable = not a table: no header line with columns separated by ; , or tab
refusal-unknown = none of the expected national files

## The summary of a département import
dep-summary = { $placed } { $kind ->
        [iris] IRIS
       *[commune] { $placed ->
            [one] commune
           *[other] communes
        }
    } placed in one collège's sector, { $shared } shared between several collèges, { $streets } divided by streets
dep-summary-by_addresses = { $n } split by their addresses
dep-summary-estimated = { $n } given to the nearest listed collège, estimated: add the address file (BAN)
dep-summary-separator = ;{" "}
dep-summary-how = {" "}({ $list })
dep-summary-missing = , { $n } missing from the carte scolaire (given to the nearest public collège, estimated)

dep-pupils-ecoles = Pupils estimated from { $ecoles } écoles (rentrée { $year }, CP to CM2 scaled to 4 collège years); { $units_without } units without an école count 0 (their children are counted where they go to école).
dep-pupils-spread_by_population = Pupils estimated: each public collège's published headcount spread over its sector by the communes' population (no école headcounts).
dep-pupils-spread_by_area = Pupils estimated: each public collège's published headcount spread over its sector by area (no école headcounts).
dep-pupils-none = Pupils per unit: unknown; add the école headcounts (fr-en-ecoles-effectifs-nb_classes) or the collèges'.

## Errors, published figures, names, warnings
dep-error-no_contours = no commune or IRIS contours among the files: add the département's communes (GeoJSON, or IGN Admin Express's COMMUNE shapefile).
dep-error-no_colleges = no collège table: add the education directory (fr-en-annuaire-education), the geolocation of establishments or the collèges' IPS.
dep-error-no_college_placed = no collège of département { $code } has a position: add the geolocation file (fr-en-adresse-et-geolocalisation-etablissements…), or check the département code (--code).
dep-error-no_units = no commune of département { $code } in the contours: check the département code (--code) or give this département's contours.
dep-error-nothing_attached = no commune could be attached to a collège: the carte scolaire and the collèges do not match (UAI).
dep-error-missing_column = no file has a column "{ $column }": check its name (exact header).
dep-error-unreadable = { $file }: cannot read the file.
spread-label = IPS spread between public collèges (points)
spread-label_estimated = IPS spread between public collèges (points, estimated)
dep-published = Published: IPS { $ips }, { $pupils } pupils
dep-published-capture = {" "}({ $share } % of its current sector's pupils)
dep-name-alike = "{ $name }" → { $college } ({ $uai }), { $score } % alike: to confirm
dep-name-closest = "{ $name }": no collège alike enough (the closest: { $college }, { $score } %); choose it
dep-name-none = "{ $name }": no collège; choose it
names-heading = Sectors named without a UAI: check each one's collège
names-none = none
names-again = Import again with these choices
dep-unusable-no_units = no unit read from { $file }: it needs polygons (IRIS, communes, blocks) with an identifier.
dep-unusable-no_colleges = no collège read from { $file }: it needs a UAI column and a position (longitude/latitude, or the sectors).
dep-unusable-nothing_attached = no unit is attached to a collège: check that the sectors (or the collège column) give the UAIs of the collège table.
dep-missing-pupils = Warning: no unit has a pupil count, every figure will be "unknown"; choose the pupils column (--unit-pupils), or import a département from its national files (import-departement), which estimates them from the écoles.
dep-missing-ips = Warning: no unit has an IPS; choose its column (--unit-ips), or estimate it (--estimate-ips, with the census).
dep-streets-estimated = Divided by streets between { $n } collèges; current map estimated: add the address file (BAN)
dep-streets-addresses = Divided by streets between { $n } collèges, split by its addresses
