## Problems of a validation report
problem-unreadable = cannot read the file: { $reason }
problem-bad_format = wrong format: { $reason }
problem-unknown_projection = unknown projection "{ $declared }": nothing is guessed; use Lambert-93 (EPSG:2154), a CC zone (EPSG:3942-3950), WGS84 (EPSG:4326), Web Mercator (EPSG:3857) or UTM
problem-projected_without_crs = coordinates ({ $x }, { $y }) are not longitudes/latitudes and the .prj file that gives the projection is missing: add it (same name, .prj extension) or export in WGS84
problem-projected_without_crs_2 = coordinates ({ $x }, { $y }) are not longitudes/latitudes and the file does not say its projection: add a "crs" member (e.g. EPSG:2154) or export in WGS84
problem-null_geometry = no geometry: feature left out
problem-broken_geometry = unreadable geometry, feature left out: { $reason }
problem-repaired_geometry = invalid polygon ({ $reason }), repaired
problem-invalid_geometry = invalid polygon that cannot be repaired ({ $reason }): left out
problem-not_an_area = an area (polygon) was expected, not a { $found }: left out
problem-missing_field = column missing; available columns: { $available }
problem-not_anumber = "{ $value }" is not a number: value unknown
problem-absurd_value = impossible value { $value } (expected: { $expected }): value unknown
problem-duplicate_id = identifier "{ $id }" appears twice: only the first is kept
problem-merged_duplicate = "{ $id }" appears twice with the same shape: the rows are merged and their pupils added
problem-unmatched = "{ $key }" not found in { $table }
problem-bad_uai = collège without a UAI code: left out
problem-bad_uai_2 = "{ $value }" is not a UAI code (7 characters and a letter, e.g. 0590057S): left out
problem-outside_sectors = outside every sector: no collège in the current map
problem-split_unit = straddles sectors: given to { $chosen }, which covers { $share } % of it
problem-placed_in_sector = collège { $uai } has no coordinates in the tables: placed inside its sector (approximate position)
problem-ips_estimated = units' IPS estimated from census social categories, calibrated on the published IPS of { $colleges } collèges (root mean square error { $rmse } points): values marked "estimated"
problem-field = , field "{ $field }"
problem-tag_fatal = ERROR
problem-tag_skipped = skipped
problem-tag_note = note
problem-area_france = metropolitan France
problem-area_utm = its UTM zone
problem-area_origin = the region around its origin
problem-outside_projection_area = converted from the declared projection, the coordinates land at longitude { $lon }, latitude { $lat }, outside { $area } where that projection is used: the file is most likely in another projection than it declares (check the .prj or the "crs" member)

## Why a file or a shape cannot be read
reason-not_found = there is no file at this path; check it
reason-permission_denied = access denied by the system; check the file's permissions
reason-system = system error
reason-not_json = this is not valid JSON
reason-no_feature_list = a FeatureCollection needs a "features" list
reason-geo_json_structure = the geometry does not follow the GeoJSON standard (a "type" and "coordinates" nested as that type requires)
reason-not_geo_json_type = "type" is missing; GeoJSON expects "FeatureCollection", "Feature" or a geometry type
reason-not_geo_json_type_2 = "type" is "{ $t }"; GeoJSON expects "FeatureCollection", "Feature" or a geometry type, with this exact case
reason-not_anumber_coordinate = a coordinate is not a number
reason-off_earth = some coordinates are not longitudes between -180 and 180 and latitudes between -90 and 90
reason-csv = unreadable CSV structure
reason-not_zip = not a readable zip archive
reason-no_shp_in_zip = the archive holds no .shp file
reason-index_mismatch = the .shx index does not match the .shp's shapes: it was ignored, and the shapes read in the .shp's order
reason-shp_too_short = { $n } bytes: a .shp file starts with a 100-byte header
reason-damaged_from_here = the file is damaged from here on; the features before it are read
reason-dbf_unreadable = the .dbf cannot be read, attributes are missing
reason-record_unreadable = attributes unreadable
reason-shape = unreadable shape
reason-projection = a point cannot be converted from the declared projection
reason-bad_position = a position has { $n } coordinates instead of 2 numbers
reason-short_ring = a ring has { $n } positions; at least 4 are needed
reason-open_ring = a ring is not closed (its last position differs from the first)
reason-not_in_archive = { $n } cannot be extracted from the archive
reason-self_intersection = the outline crosses itself
reason-too_expanded = “{ $name }” decompresses to more than { $size } MB, beyond the { $max } MB allowed for its compressed size: it is a “decompression bomb”, not a map; the file is not read
reason-too_many_vertices = the shape has { $found } vertices, more than the { $max } a unit may have here: simplify it (for example with “Simplify” in QGIS) before importing it
reason-degenerate = the shape fits in a point (less than a millionth of its coordinates' unit across): it is not an area. Check the file's projection (its .prj) or export the layer again
reason-too_tangled = the outline crosses itself more than { $max } times: it is no area's outline and cannot be repaired. Check the order of its points, or export the layer again
reason-too_few_points = a ring has fewer than 3 distinct points
reason-rings_overlap = holes or parts overlap or lie outside the outline
reason-topology = the shape's topology cannot be analysed
reason-detail = { $plain } (technical detail: { $detail })

## Reports, imports, streets
report-times = { $n } times: { $problem } (for example { $examples })
import-headline = { $name }: { $units } units, { $colleges } collèges ({ $publics } public), { $assigned } units assigned to a collège, { $split } split between sectors
import-calibration =
    Units' IPS estimated from the census (values marked "estimated"): one value per social group, fitted on the published IPS of { $colleges } collèges: very favoured { $g0 }, favoured { $g1 }, middle { $g2 }, disadvantaged { $g3 }.
    Error between the sectors' estimated IPS and the published IPS: { $rmse } points root mean square, { $max } at most ({ $worst }).
    { $bounded } units brought back into the published range { $low } – { $high }.
import-calibration_unordered = The group values do not run from the most to the least favoured: the groups are too correlated to be told apart, and only the per-sector estimate is checked (the error above). Read a unit's IPS as an order of magnitude.
import-split = { $key }: { $share }% of its area in the sector of { $name }, where it goes
walk-streets = along streets
walk-estimate = estimate: straight line × { $factor }
streets-network = { $read } ways (roads, streets, paths) read, { $walkable } walkable, { $left_out } left out (motorways, ways closed to pedestrians…); { $nodes } nodes, { $edges } edges, { $km } km of streets; { $pieces } separate pieces: the largest is kept, { $dropped_nodes } isolated nodes and { $dropped_edges } edges dropped; { $cut } ways cut at the extract's edge
streets-unreadable = { $file }: unreadable street file ({ $reason })
streets-bad_layer =
    { $file }: unreadable street file.
    { $report }
streets-empty = { $file }: no walkable street in this file. It needs OpenStreetMap ways (highway=…) or street lines.
streets-too_expanded = { $file } decompresses to more than { $max } MB, far more than an OpenStreetMap extract of this size holds: it is a “decompression bomb”; the file is not read
streets-no_tags = { $file }: more than { $max } MB without a single tag from byte { $at }, where an OpenStreetMap file is made of short tags only; the file is damaged or not an OpenStreetMap extract, and is not read
streets-unknown_format = { $file }: not a known street format. Read: .osm.pbf, .osm, .osm.gz (OpenStreetMap), .geojson, .shp or .zip (lines).
streets-elsewhere = These streets do not cover the territory: only { $inside } of { $units } units lie within them. Take an OpenStreetMap extract covering “{ $territory }”, in longitude/latitude.
place-feature = feature { $n }
place-row = row { $n }
place-line = line { $n }
place-column = , column{" "}

## carte-mixite check
check-counts = { $features ->
    [one] { $features } feature
   *[other] { $features } features
}, { $with_geometry } with a geometry; columns: { $columns }
check-no_projection = none (a table without coordinates)
check-no_text = no text
check-read_as = projection: { $crs }; text encoding: { $encoding }
check-recognised_as = national file recognised: { $role }
check-column_key = key
check-column_pupils = pupils
check-column_headcount = headcount
check-column_status = status
check-columns = recognised columns: { $list }

## How a territory's estimates were made
method-pupils_from_ecoles = Pupils per commune estimated: CP to CM2 pupils of the commune's public and private écoles (rentrée { $year }), scaled to four collège years (× 4/5); 6e cohort: CM2 pupils.
method-pupils_by_area = Pupils per commune estimated: each public collège's published headcount spread over its sector by area.
method-pupils_by_population = Pupils per commune estimated: each public collège's published headcount spread over its sector by the communes' population.
method-ips_from_ecoles = IPS per commune estimated: the mean published IPS of its écoles ({ $ecoles } écoles), weighted by their pupils.
method-shared_equally = { $communes } communes shared between several collèges by the carte scolaire: their pupils are counted in equal parts (estimated).
method-streets_to_nearest = Divided by streets, without an address file (BAN): { $communes }; given whole to the nearest of the collèges they list (estimated).
method-not_in_carte = Missing from the carte scolaire: { $communes }; given to the nearest public collège (estimated).
method-ips_from_census = Units' IPS estimated from the census's socio-professional categories, calibrated on the published IPS of { $colleges } collèges (root mean square error { $rmse } points), bounded to the range of those IPS ({ $low } to { $high }) for { $bounded } units. Groups: managers (CS3) = very favoured; intermediate professions (CS4) = favoured; farmers, craftsmen, shopkeepers, employees (CS1, CS2, CS5) = middle; manual workers and people without work (CS6, CS8) = disadvantaged.

## generate-demo
generate-written = { $name }: { $units } blocks, { $colleges } collèges, { $streets } street segments → { $out }

## A project or territory folder that cannot be opened
load-io = Cannot read { $file }: { $reason }.
load-syntax = { $file } is not a readable { $expected } file: its text is cut or damaged{ $where }. Open an earlier copy, or ask the person who sent it for the file again.
load-syntax-where = {" "}(line { $line }, column { $column })
load-expected-project = Carte Mixité project
load-expected-scenario = Carte Mixité scenario
load-expected-territory = Carte Mixité territory
load-expected-geojson = GeoJSON
load-expected-manifest = manifest (manifest.json)
load-feature = { $file }, feature { $feature }: { $problem }
load-newer = { $file } was written by a newer version of Carte Mixité (format { $found }; this one reads up to format { $known }): update Carte Mixité to open it.
load-mismatch = The folder { $folder } mixes two saves, or was changed by hand: { $file } { $why }. Save the territory again from Carte Mixité, or delete manifest.json to read the files as they are.
load-why-missing = is missing, though the manifest (manifest.json) lists it
load-why-unlisted = is not in the manifest (manifest.json)
load-why-changed = no longer has the content the manifest (manifest.json) recorded
load-checksum = { $file } was damaged or changed since Carte Mixité saved it: its checksum no longer matches its content. Open an earlier copy, or ask the person who sent it for the file again.
load-no-units = { $file }: the territory has no unit (block, IRIS or commune): there is nothing to put on the map.
load-setting = { $file }: the setting “{ $setting }” is { $value }, which is impossible (expected: { $expected }). Correct it in the file, or open an earlier copy.
load-setting-walk_speed_kmh = walking speed
load-setting-walk_speed_kmh-expected = between 0.5 and 30 km/h
load-setting-walk_threshold_m = distance beyond which transport is needed
load-setting-walk_threshold_m-expected = a distance in metres above 0
load-setting-detour_factor = detour factor
load-setting-detour_factor-expected = between 1 and 5
load-setting-class_size_6e = pupils per 6e class
load-setting-class_size_6e-expected = between 1 and 60
load-territory = { $file }: the territory is inconsistent ({ $detail }).

## What a scenario named that the territory lacks
scenario-warning-college = “{ $scenario }”: the collège { $uai } is not in this territory; its units are left without a collège.
scenario-warning-unit = “{ $scenario }”: the unit “{ $key }” is not in this territory; skipped.
scenario-warning-shares = “{ $scenario }”: the shares of unit “{ $key }” cannot be used ({ $reason }); it is left without a collège.
scenario-warning-shared = “{ $scenario }”: the shared sector “{ $name }” names a collège not in this territory; its rule is dropped, its units keep their shares.
scenario-warnings = The file was opened, but { $n ->
    [one] one thing in it was skipped
   *[other] { $n } things in it were skipped
}: { $list }
