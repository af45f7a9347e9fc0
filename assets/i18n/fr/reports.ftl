## Problems of a validation report
problem-unreadable = fichier illisible : { $reason }
problem-bad_format = format incorrect : { $reason }
problem-unknown_projection = projection inconnue « { $declared } » : rien n'est deviné ; utilisez Lambert-93 (EPSG:2154), une zone CC (EPSG:3942 à 3950), WGS84 (EPSG:4326), Web Mercator (EPSG:3857) ou UTM
problem-projected_without_crs = les coordonnées ({ $x }, { $y }) ne sont pas des longitudes/latitudes et il manque le fichier .prj qui dit la projection : joignez-le (même nom, extension .prj) ou exportez en WGS84
problem-projected_without_crs_2 = les coordonnées ({ $x }, { $y }) ne sont pas des longitudes/latitudes et le fichier ne dit pas sa projection : ajoutez un membre « crs » (par exemple EPSG:2154) ou exportez en WGS84
problem-null_geometry = pas de géométrie : élément ignoré
problem-broken_geometry = géométrie illisible, élément ignoré : { $reason }
problem-repaired_geometry = polygone invalide ({ $reason }), réparé automatiquement
problem-invalid_geometry = polygone invalide et irréparable ({ $reason }) : élément ignoré
problem-not_an_area = une surface (polygone) était attendue, pas un objet de type { $found } : élément ignoré
problem-missing_field = colonne absente ; colonnes disponibles : { $available }
problem-not_anumber = « { $value } » n'est pas un nombre : valeur inconnue
problem-absurd_value = valeur { $value } impossible (attendu : { $expected }) : valeur inconnue
problem-duplicate_id = identifiant « { $id } » en double : seul le premier est gardé
problem-merged_duplicate = « { $id } » figure deux fois avec la même forme : les deux lignes sont réunies et leurs élèves additionnés
problem-unmatched = « { $key } » introuvable dans { $table }
problem-bad_uai = collège sans code UAI : ignoré
problem-bad_uai_2 = « { $value } » n'est pas un code UAI (7 caractères et une lettre, ex. 0590057S) : ignoré
problem-outside_sectors = en dehors de tout secteur : sans collège dans la carte actuelle
problem-split_unit = à cheval sur plusieurs secteurs : rattaché à { $chosen }, qui en couvre { $share } %
problem-placed_in_sector = collège { $uai } sans coordonnées dans les tables : placé à l'intérieur de son secteur (position approximative)
problem-ips_estimated = IPS des îlots estimé d'après les catégories sociales du recensement, calé sur l'IPS publié de { $colleges } collèges (écart quadratique moyen { $rmse } points) : valeurs marquées « estimé »
problem-field = , champ « { $field } »
problem-tag_fatal = ERREUR
problem-tag_skipped = ignoré
problem-tag_note = note
problem-area_france = la France métropolitaine
problem-area_utm = sa zone UTM
problem-area_origin = la région de son origine
problem-outside_projection_area = les coordonnées, converties depuis la projection déclarée, tombent en longitude { $lon }, latitude { $lat }, hors de { $area } où cette projection s'emploie : le fichier est sans doute dans une autre projection que celle qu'il annonce (vérifiez le .prj ou le membre « crs »)

## Why a file or a shape cannot be read
reason-not_found = le fichier n'existe pas à cet endroit ; vérifiez le chemin
reason-permission_denied = accès refusé par le système ; vérifiez les droits du fichier
reason-system = erreur du système
reason-not_json = ce n'est pas du JSON valide
reason-no_feature_list = une FeatureCollection doit contenir une liste « features »
reason-geo_json_structure = la géométrie ne suit pas la norme GeoJSON (un « type » et des « coordinates » imbriquées comme ce type le demande)
reason-not_geo_json_type = il manque le « type » ; GeoJSON attend « FeatureCollection », « Feature » ou un type de géométrie
reason-not_geo_json_type_2 = le « type » vaut « { $t } » ; GeoJSON attend « FeatureCollection », « Feature » ou un type de géométrie, avec cette casse exacte
reason-not_anumber_coordinate = une coordonnée n'est pas un nombre
reason-off_earth = des coordonnées ne sont pas des longitudes entre -180 et 180 et des latitudes entre -90 et 90
reason-csv = structure CSV illisible
reason-not_zip = ce n'est pas une archive zip lisible
reason-no_shp_in_zip = l'archive ne contient aucun fichier .shp
reason-index_mismatch = l'index .shx ne correspond pas aux formes du .shp : il a été ignoré, et les formes lues dans l'ordre du .shp
reason-shp_too_short = { $n } octets : un fichier .shp commence par un en-tête de 100 octets
reason-damaged_from_here = le fichier est endommagé à partir d'ici ; les éléments précédents sont lus
reason-dbf_unreadable = le .dbf est illisible, les attributs manquent
reason-record_unreadable = attributs illisibles
reason-shape = forme illisible
reason-projection = point impossible à convertir depuis la projection déclarée
reason-bad_position = une position a { $n } coordonnées au lieu de 2 nombres
reason-short_ring = un contour a { $n } positions ; il en faut au moins 4
reason-open_ring = un contour n'est pas fermé (sa dernière position diffère de la première)
reason-not_in_archive = { $n } ne peut pas être extrait de l'archive
reason-self_intersection = le contour se recoupe lui-même
reason-too_expanded = « { $name } » se décompresse en plus de { $size } Mo, au-delà des { $max } Mo admis pour sa taille compressée : c'est une « bombe de décompression », pas un fond de carte ; le fichier n'est pas lu
reason-too_many_vertices = la forme a { $found } sommets, plus que les { $max } qu'un quartier peut avoir ici : simplifiez-la (par exemple avec « Simplifier » dans QGIS) avant de l'importer
reason-degenerate = la forme tient dans un point (moins d'un millionième de l'unité de ses coordonnées de côté) : ce n'est pas un quartier. Vérifiez la projection du fichier (le .prj) ou exportez la couche de nouveau
reason-too_tangled = le contour se croise lui-même plus de { $max } fois : ce n'est le contour d'aucun quartier, et il ne peut être réparé. Vérifiez l'ordre de ses points ou exportez la couche de nouveau
reason-too_few_points = un contour a moins de 3 points distincts
reason-rings_overlap = des trous ou des parties se chevauchent ou sortent du contour
reason-topology = la forme ne peut pas être analysée
reason-detail = { $plain } (détail technique, en anglais : { $detail })

## Reports, imports, streets
report-times = { $n } fois : { $problem } (par exemple { $examples })
import-headline = { $name } : { $units } îlots, { $colleges } collèges ({ $publics } publics), { $assigned } îlots rattachés à un collège, { $split } à cheval sur plusieurs secteurs
import-calibration =
    IPS des îlots estimé d'après le recensement (valeurs marquées « estimé ») : une valeur par groupe social, ajustée sur l'IPS publié de { $colleges } collèges — très favorisé { $g0 }, favorisé { $g1 }, moyen { $g2 }, défavorisé { $g3 }.
    Écart entre l'IPS estimé des secteurs et l'IPS publié : { $rmse } points en moyenne quadratique, { $max } au plus ({ $worst }).
    { $bounded } îlots ramenés dans la plage publiée { $low } – { $high }.
import-calibration_unordered = Les valeurs par groupe ne vont pas du plus au moins favorisé : les groupes sont trop liés entre eux pour être séparés, et seule l'estimation par secteur est vérifiée (l'écart ci-dessus). Lisez l'IPS d'un îlot comme un ordre de grandeur.
import-split = { $key } : { $share } % de sa surface dans le secteur de { $name }, où il est rattaché
walk-streets = par les rues
walk-estimate = estimation : vol d'oiseau × { $factor }
streets-network = { $read } voies (routes, rues, chemins) lues, { $walkable } praticables à pied, { $left_out } écartées (autoroutes, voies interdites aux piétons…) ; { $nodes } nœuds, { $edges } tronçons, { $km } km de rues ; { $pieces } morceaux séparés : le plus grand est gardé, { $dropped_nodes } nœuds et { $dropped_edges } tronçons isolés écartés ; { $cut } voies coupées au bord de l'extrait
streets-unreadable = { $file } : fichier de rues illisible (détail technique, en anglais : { $reason })
streets-bad_layer =
    { $file } : fichier de rues illisible.
    { $report }
streets-empty = { $file } : aucune rue praticable à pied dans ce fichier. Il faut des voies OpenStreetMap (highway=…) ou des lignes de rues.
streets-too_expanded = { $file } se décompresse en plus de { $max } Mo, bien plus que ce qu'un extrait OpenStreetMap de cette taille contient : c'est une « bombe de décompression » ; le fichier n'est pas lu
streets-no_tags = { $file } : plus de { $max } Mo sans aucune balise à partir de l'octet { $at }, alors qu'un fichier OpenStreetMap n'est fait que de balises courtes ; le fichier est endommagé ou n'est pas un extrait OpenStreetMap, il n'est pas lu
streets-unknown_format = { $file } : ce n'est pas un format de rues connu. Formats lus : .osm.pbf, .osm, .osm.gz (OpenStreetMap), .geojson, .shp ou .zip (lignes).
streets-elsewhere = Ces rues ne couvrent pas le territoire : seuls { $inside } quartiers sur { $units } sont dans leur emprise. Prenez un extrait OpenStreetMap qui couvre « { $territory } » (par exemple sur download.geofabrik.de ou avec un outil d'extraction), en longitude/latitude.
place-feature = élément { $n }
place-row = ligne { $n }
place-line = ligne { $n }
place-column = , colonne{" "}

## carte-mixite check
check-counts = { $features ->
    [one] { $features } élément
   *[other] { $features } éléments
}, { $with_geometry } avec géométrie ; colonnes : { $columns }
check-no_projection = aucune (tableau sans coordonnées)
check-no_text = aucun texte
check-read_as = projection : { $crs } ; encodage du texte : { $encoding }
check-recognised_as = fichier national reconnu : { $role }
check-column_key = clé
check-column_pupils = élèves
check-column_headcount = effectifs
check-column_status = statut
check-columns = colonnes reconnues : { $list }

## How a territory's estimates were made
method-pupils_from_ecoles = Élèves par commune estimés : élèves de CP à CM2 des écoles publiques et privées de la commune (rentrée { $year }), ramenés à quatre années de collège (× 4/5) ; cohorte de 6e : élèves de CM2.
method-pupils_by_area = Élèves par commune estimés : effectif publié de chaque collège public réparti sur son secteur selon la surface.
method-pupils_by_population = Élèves par commune estimés : effectif publié de chaque collège public réparti sur son secteur selon la population des communes.
method-ips_from_ecoles = IPS par commune estimé : moyenne de l'IPS publié de ses écoles ({ $ecoles } écoles), pondérée par leurs élèves.
method-shared_equally = { $communes } communes partagées entre plusieurs collèges par la carte scolaire : leurs élèves sont comptés à parts égales (estimé).
method-streets_to_nearest = Divisées par rues, sans fichier d'adresses (BAN) : { $communes } ; données en entier au plus proche des collèges qu'elles listent (estimé).
method-not_in_carte = Absentes de la carte scolaire : { $communes } ; rattachées au collège public le plus proche (estimé).
method-ips_from_census = IPS des îlots estimé à partir des catégories socio-professionnelles du recensement, calé sur l'IPS publié de { $colleges } collèges (écart quadratique moyen { $rmse } points), borné à l'intervalle de ces IPS ({ $low } à { $high }) pour { $bounded } îlots. Groupes : cadres (CS3) = très favorisée ; professions intermédiaires (CS4) = favorisée ; agriculteurs, artisans, commerçants, employés (CS1, CS2, CS5) = moyenne ; ouvriers et sans activité (CS6, CS8) = défavorisée.

## generate-demo
generate-written = { $name } : { $units } îlots, { $colleges } collèges, { $streets } tronçons de rue → { $out }

## A project or territory folder that cannot be opened
load-io = Impossible de lire { $file } : { $reason }.
load-syntax = { $file } n'est pas un fichier { $expected } lisible : son texte est coupé ou abîmé{ $where }. Ouvrez une copie antérieure, ou redemandez le fichier à la personne qui l'a envoyé.
load-syntax-where = {" "}(ligne { $line }, colonne { $column })
load-expected-project = de projet Carte Mixité
load-expected-scenario = de scénario Carte Mixité
load-expected-territory = de territoire Carte Mixité
load-expected-geojson = GeoJSON
load-expected-manifest = de manifeste (manifest.json)
load-feature = { $file }, objet n° { $feature } : { $problem }
load-newer = { $file } a été écrit par une version plus récente de Carte Mixité (format { $found } ; celle-ci lit jusqu'au format { $known }) : mettez Carte Mixité à jour pour l'ouvrir.
load-mismatch = Le dossier { $folder } mélange deux enregistrements, ou a été modifié à la main : { $file } { $why }. Réenregistrez le territoire depuis Carte Mixité, ou supprimez manifest.json pour lire les fichiers tels qu'ils sont.
load-why-missing = manque, alors que le manifeste (manifest.json) le liste
load-why-unlisted = n'est pas dans le manifeste (manifest.json)
load-why-changed = n'a plus le contenu noté dans le manifeste (manifest.json)
load-checksum = { $file } a été abîmé ou modifié depuis son enregistrement par Carte Mixité : sa somme de contrôle ne correspond plus à son contenu. Ouvrez une copie antérieure, ou redemandez le fichier à la personne qui l'a envoyé.
load-no-units = { $file } : le territoire n'a aucun quartier (îlot, IRIS ou commune) : il n'y a rien à mettre sur la carte.
load-setting = { $file } : le réglage « { $setting } » vaut { $value }, ce qui est impossible (attendu : { $expected }). Corrigez-le dans le fichier, ou ouvrez une copie antérieure.
load-setting-walk_speed_kmh = vitesse de marche
load-setting-walk_speed_kmh-expected = entre 0,5 et 30 km/h
load-setting-walk_threshold_m = distance au-delà de laquelle un transport est nécessaire
load-setting-walk_threshold_m-expected = une distance en mètres au-dessus de 0
load-setting-detour_factor = facteur de détour
load-setting-detour_factor-expected = entre 1 et 5
load-setting-class_size_6e = élèves par classe de 6e
load-setting-class_size_6e-expected = entre 1 et 60
load-territory = { $file } : le territoire est incohérent ({ $detail }).

## What a scenario named that the territory lacks
scenario-warning-college = « { $scenario } » : le collège { $uai } n'est pas dans ce territoire ; ses quartiers restent sans collège.
scenario-warning-unit = « { $scenario } » : le quartier « { $key } » n'est pas dans ce territoire ; ignoré.
scenario-warning-shares = « { $scenario } » : les parts du quartier « { $key } » sont inutilisables ({ $reason }) ; il reste sans collège.
scenario-warning-shared = « { $scenario } » : le secteur partagé « { $name } » nomme un collège absent du territoire ; sa règle est retirée, ses quartiers gardent leurs parts.
scenario-warnings = Le fichier a été ouvert, mais { $n ->
    [one] une chose y a été ignorée
   *[other] { $n } choses y ont été ignorées
} : { $list }
