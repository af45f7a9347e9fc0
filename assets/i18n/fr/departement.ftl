## DepartementTexts
departement-title = Un département depuis les fichiers nationaux
departement-help = Indiquez le dossier où vous avez téléchargé les fichiers du ministère (annuaire, géolocalisation, IPS et effectifs des collèges et des écoles, carte scolaire), les contours des communes et, si vous l'avez, le fichier des adresses (BAN). Chaque fichier est reconnu à ses colonnes, quel que soit son nom.
departement-folder = Dossier (ou fichiers, séparés par ;)
departement-browse = Parcourir…
departement-code = Code du département
departement-code_hint = ex. 35 ; lu dans les fichiers si vide
departement-name = Nom du territoire
departement-uai_column = Colonne de l'UAI (facultatif)
departement-uai_hint = si un tableau l'écrit à sa façon
departement-read = Lire les fichiers
departement-files = Ce que dit chaque fichier
departement-missing = Fichiers manquants, et ce que chacun ajouterait
departement-build = Construire le territoire
departement-step_recognising = Reconnaissance des fichiers…
departement-step_contours = Lecture des contours…
departement-step_colleges = Lecture des collèges…
departement-step_ecoles = Lecture des écoles…
departement-step_addresses = Lecture des adresses…
departement-step_building = Construction du territoire…
departement-open = Ouvrir dans l'éditeur
departement-close = Fermer
departement-details = Détails
departement-problems = Problèmes dans les fichiers
departement-nothing_recognised = Aucun des fichiers nationaux attendus dans ce dossier.
departement-from_import = Un département depuis les fichiers nationaux…
departement-uai_of_table = UAI :


## The département import, in sentences
dep-details = { $colleges } collèges : { $public_colleges } publics, { $private_colleges } privés sous contrat{ $hors_contrat ->
        [0] {""}
       *[other] {" "}({ $hors_contrat } hors contrat écartés)
    } ; { $with_ips } avec un IPS publié, { $with_headcount } avec un effectif publié.
dep-details-2 = { $unplaced } collèges sans position (absents du fichier de géolocalisation), écartés : { $list }
dep-details-3 = { $unknown_carte_colleges } collèges de la carte scolaire absents des tables des collèges : { $list }
dep-details-4 = Divisées par rues : ajoutez le fichier des adresses (BAN) pour les partager : { $streets_estimated }
dep-details-5 = Absentes de la carte scolaire (communes fusionnées depuis ?) : { $not_in_carte }
dep-details-6 = Adresses : { $rows_read } lues, { $in_communes } dans les communes divisées par rues, { $matched } rattachées à une ligne de la carte scolaire ({ $share }) ; { $number_outside } hors des plages de numéros.
dep-details-7 = { $unmatched_addresses } adresses sur { $unmatched_street_count } rues qu'aucune ligne de la carte scolaire ne nomme, par exemple : { $ex }
dep-details-8 = { $rows_without_address_count } rues de la carte scolaire sans aucune adresse, par exemple : { $ex }
dep-details-9 = IPS estimé pour { $units_with_ips } unités d'après l'IPS publié de { $ips_ecoles } écoles, pondéré par leurs élèves.
dep-details-10 = IPS par unité : inconnu ; ajoutez l'IPS des écoles (fr-en-ips-ecoles).
dep-details-11 = Séparation sociale (H) et parts qui devraient changer de collège : inconnues sans groupes sociaux ni boursiers par unité ; ajoutez un tableau du recensement (INSEE, CS1 à CS8 par commune ou IRIS). L'écart d'IPS entre collèges, lui, est calculé.
dep-details-12 = { $empty } collèges publics sans aucun élève dans leur secteur actuel (commune divisée par rues donnée à un autre collège ?) : { $list }
dep-details-13 = Captation (effectif publié / élèves estimés du secteur), { $rates } collèges publics : médiane { $median }, de { $low } ({ $low_name }) à { $high } ({ $high_name }). Sous 100 %, des familles du secteur vont ailleurs (privé, dérogation) : la trace de l'évitement.
dep-files = Fichiers :
dep-missing_files = Manquants, et ce que chacun ajouterait :
dep-estimated_note = {" "}(estimé)
dep-spread_line = Dispersion de l'IPS entre les { $colleges } collèges publics{ $est } : { $spread } points autour de { $mean } ; écart de { $gap } points entre { $highest } et { $lowest }.
dep-gap_text = du moins au plus favorisé : { $gap } points (3 ou moins : non significatif)
dep-unknown_indices_hint = Inconnu sans groupes sociaux ou boursiers par îlot : importez un tableau du recensement (INSEE, CS1 à CS8) ou des boursiers.
dep-estimated_suffix = {" "}(estimé)
dep-unknown = inconnu
dep-spread_head = Écart d'IPS entre collèges publics :
dep-points = points
dep-headline = { $name } : { $units } unités, { $colleges } collèges.


## The national files: roles, what each adds, why one is not used
role-name-directory = annuaire de l'éducation
role-name-geolocation = géolocalisation des établissements
role-name-college_ips = IPS des collèges
role-name-ecole_ips = IPS des écoles
role-name-college_headcounts = effectifs des collèges par niveau
role-name-ecole_headcounts = effectifs des écoles par niveau
role-name-second_degree_headcounts = effectifs du second degré
role-name-carte_scolaire = carte scolaire des collèges publics
role-name-communes = contours des communes
role-name-iris = contours IRIS
role-name-census = recensement de l'INSEE
role-name-addresses = adresses (BAN)
role-adds-communes = indispensable : les communes sont les unités de la carte (IGN Admin Express, ou communes-NN.geojson)
role-adds-iris = des unités plus fines que la commune (IGN, IRIS)
role-adds-directory = la liste des collèges, publics ou privés sous contrat, et la commune de chaque école
role-adds-geolocation = la position exacte de chaque collège
role-adds-carte_scolaire = la carte actuelle ; sans elle, chaque commune va au collège public le plus proche
role-adds-college_ips = l'IPS publié de chaque collège
role-adds-college_headcounts = l'effectif publié de chaque collège et son réseau REP
role-adds-second_degree_headcounts = un effectif publié quand le fichier par niveau manque
role-adds-ecole_ips = l'IPS estimé de chaque commune, d'après ses écoles
role-adds-ecole_headcounts = les élèves estimés de chaque commune, d'après ses écoles
role-adds-census = les groupes sociaux (CS1 à CS8), donc la séparation sociale (H) et les parts qui devraient changer de collège
role-adds-addresses = le partage des communes divisées par rues
refusal-shapefile_part = une partie d'un shapefile : ouvrez le .shp (les autres fichiers sont lus avec lui)
refusal-unsupported = format non pris en charge ({ $f }) : dans QGIS, « Exporter › Sauvegarder les entités sous… » en GeoJSON ou CSV
refusal-not_atable = ce n'est pas un tableau : aucune ligne d'en-tête avec des colonnes séparées par ; , ou tabulation
refusal-unknown = aucun des fichiers nationaux attendus

## The summary of a département import; IRIS is masculine, commune feminine
dep-summary = { $placed } { $kind ->
        [iris] IRIS { $placed ->
            [one] placé
           *[other] placés
        }
       *[commune] { $placed ->
            [one] commune placée
           *[other] communes placées
        }
    } dans le secteur d'un seul collège, { $shared } { $kind ->
        [iris] { $shared ->
            [one] partagé
           *[other] partagés
        }
       *[commune] { $shared ->
            [one] partagée
           *[other] partagées
        }
    } entre plusieurs collèges, { $streets } { $kind ->
        [iris] { $streets ->
            [one] divisé
           *[other] divisés
        }
       *[commune] { $streets ->
            [one] divisée
           *[other] divisées
        }
    } par rues
dep-summary-by_addresses = { $n } { $kind ->
        [iris] { $n ->
            [one] réparti
           *[other] répartis
        }
       *[commune] { $n ->
            [one] répartie
           *[other] réparties
        }
    } selon ses adresses
dep-summary-estimated = { $n } { $kind ->
        [iris] { $n ->
            [one] donné
           *[other] donnés
        }
       *[commune] { $n ->
            [one] donnée
           *[other] données
        }
    } au plus proche des collèges listés, estimé : ajoutez le fichier des adresses (BAN)
dep-summary-separator = {" "};{" "}
dep-summary-how = {" "}({ $list })
dep-summary-missing = , { $n } { $kind ->
        [iris] { $n ->
            [one] absent
           *[other] absents
        }
       *[commune] { $n ->
            [one] absente
           *[other] absentes
        }
    } de la carte scolaire (rattachées au collège public le plus proche, estimé)

dep-pupils-ecoles = Élèves estimés d'après { $ecoles } écoles (rentrée { $year }, CP à CM2 ramenés à 4 années de collège) ; { $units_without } unités sans école comptent 0 (leurs enfants sont comptés là où ils vont à l'école).
dep-pupils-spread_by_population = Élèves estimés : l'effectif publié de chaque collège public réparti sur son secteur selon la population des communes (faute d'effectifs des écoles).
dep-pupils-spread_by_area = Élèves estimés : l'effectif publié de chaque collège public réparti sur son secteur selon la surface (faute d'effectifs des écoles).
dep-pupils-none = Élèves par unité : inconnus ; ajoutez les effectifs des écoles (fr-en-ecoles-effectifs-nb_classes) ou des collèges.

## Errors, published figures, names, warnings
dep-error-no_contours = aucun contour de commune ni d'IRIS parmi les fichiers : ajoutez les communes du département (GeoJSON, ou le shapefile COMMUNE d'IGN Admin Express).
dep-error-no_colleges = aucune table de collèges : ajoutez l'annuaire de l'éducation (fr-en-annuaire-education), la géolocalisation des établissements ou l'IPS des collèges.
dep-error-no_college_placed = aucun collège du département { $code } n'a de position : ajoutez le fichier de géolocalisation des établissements (fr-en-adresse-et-geolocalisation-etablissements…), ou vérifiez le code du département (--code).
dep-error-no_units = aucune commune du département { $code } dans les contours : vérifiez le code du département (--code) ou donnez les contours de ce département.
dep-error-nothing_attached = aucune commune n'a pu être rattachée à un collège : la carte scolaire et les collèges ne se correspondent pas (UAI).
dep-error-missing_column = aucun fichier n'a de colonne « { $column } » : vérifiez son nom (en-tête exact).
dep-error-unreadable = { $file } : fichier illisible.
spread-label = Écart d'IPS entre collèges publics (dispersion, points)
spread-label_estimated = Écart d'IPS entre collèges publics (dispersion, points, estimé)
dep-published = Publié : IPS { $ips }, { $pupils } élèves
dep-published-capture = {" "}({ $share } % des élèves de son secteur actuel)
dep-name-alike = « { $name } » → { $college } ({ $uai }), ressemblance { $score } % : à confirmer
dep-name-closest = « { $name } » : aucun collège assez ressemblant (le plus proche : { $college }, { $score } %) ; choisissez-le
dep-name-none = « { $name } » : aucun collège ; choisissez-le
names-heading = Secteurs nommés sans UAI : vérifiez le collège de chacun
names-none = aucun
names-again = Importer à nouveau avec ces choix
dep-unusable-no_units = aucun îlot lu dans { $file } : il faut des polygones (IRIS, communes, îlots) avec un identifiant.
dep-unusable-no_colleges = aucun collège lu dans { $file } : il faut une colonne UAI et une position (longitude/latitude, ou les secteurs).
dep-unusable-nothing_attached = aucun îlot n'est rattaché à un collège : vérifiez que les secteurs (ou la colonne collège) donnent les UAI des collèges du tableau.
dep-missing-pupils = Attention : aucun îlot n'a d'effectif d'élèves, tous les chiffres seront « inconnu » ; choisissez la colonne des élèves (--unit-pupils), ou importez un département depuis ses fichiers nationaux (import-departement), qui les estime d'après les écoles.
dep-missing-ips = Attention : aucun îlot n'a d'IPS ; choisissez sa colonne (--unit-ips), ou estimez-le (--estimate-ips, avec le recensement).
dep-streets-estimated = Divisée par rues entre { $n } collèges ; carte actuelle estimée : ajoutez le fichier des adresses (BAN)
dep-streets-addresses = Divisée par rues entre { $n } collèges, partagée selon ses adresses
