## CommonTexts
common-number_group = {"\u202F"}
common-number_decimal = ,
common-places = { $n ->
        [1] 1 lieu
       *[other] { $n } lieux
    }
common-percent_sign = {"\u202F"}%
common-colon = {"\u00A0"}:{" "}
common-date = { $day } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
common-percent_tight = { $n }{"\u202F"}%
common-labelled = { $label }{"\u00A0"}: { $value }
common-quoted = «{"\u00A0"}{ $name }{"\u00A0"}»
common-public = public
common-private = privé
common-yes = oui
common-no = non
common-no_walkable_network = les rues du territoire ne forment aucun réseau praticable
common-unchanged = = inchangé
common-baseline_read_only = La carte actuelle ne se modifie pas : créez un nouveau scénario.
common-locked_unit = « { $name } » est verrouillé : déverrouillez-le pour le changer de collège.
common-locked_college = Le { $name } est verrouillé : aucun îlot ne peut le rejoindre ni le quitter.
common-assignment_refused = Répartition refusée : { $reason }.
common-closed_college = Le { $name } est fermé dans ce scénario : rouvrez-le pour lui donner des îlots.
common-still_has_units = Le { $name } accueille encore { $units } îlots : donnez-les à d’autres collèges avant de le fermer.
common-refused = Modification refusée : { $reason }

## MbTilesTexts
mbtiles-open = Impossible d'ouvrir { $path } ({ $message }) : choisissez un fichier .mbtiles existant.
mbtiles-not_mbtiles = { $path } n'est pas un fichier MBTiles (pas de table « tiles ») : choisissez un fichier .mbtiles.
mbtiles-vector = { $path } contient des tuiles vectorielles (pbf) : seules les tuiles images (png, jpg) s'affichent.
mbtiles-empty = { $path } ne contient aucune tuile.

## The DEPP social groups inside a sentence
group-very_favoured = très favorisée
group-favoured = favorisée
group-middle = moyenne
group-disadvantaged = défavorisée

## The glossary: one plain definition per term the public reads

gloss-ips-name = IPS (indice de position sociale)
gloss-ips-def = un nombre calculé par le ministère à partir des professions des parents des élèves : plus il est haut, plus les familles sont favorisées. Il va d'environ 50 à 180 ; la moyenne nationale des collèges est autour de 100.
gloss-boursiers-name = Boursiers
gloss-boursiers-def = les élèves dont la famille reçoit la bourse de collège, accordée selon les revenus : leur part dit combien de familles modestes un collège accueille.
gloss-separation-name = Séparation sociale (sur 100)
gloss-separation-def = un indice qui dit à quel point les milieux sociaux sont séparés entre collèges : 0 si chaque collège a le même mélange que tout le territoire, 100 si chaque milieu a ses propres collèges. Plus il est bas, plus les collèges sont mélangés (indice d'entropie H de Theil).
gloss-dissimilarity-name = Part qui devrait changer de collège
gloss-dissimilarity-def = la part des élèves d'un groupe (les boursiers, par exemple) qui devraient changer de collège pour que chaque collège en ait la même proportion (indice de dissimilarité) : 0 % quand ils sont également répartis.
gloss-ips_spread-name = Écart d'IPS entre collèges
gloss-ips_spread-def = la dispersion des IPS des collèges publics autour de leur moyenne, en points d'IPS (écart type pondéré par les élèves) : 0 si tous les collèges ont le même IPS.
gloss-montee_alternee-name = Montée alternée
gloss-montee_alternee-def = des quartiers partagés entre deux collèges ou plus, qui envoient leurs élèves de 6e une année à l'un, l'année suivante à l'autre : chaque collège reçoit tour à tour les enfants de chaque quartier.
gloss-deferred_acceptance-name = Affectation par acceptation différée
gloss-deferred_acceptance-def = une règle d'affectation dans un secteur partagé : chaque famille classe les collèges, chaque collège garde ses places pour les demandes les mieux placées (d'abord les boursiers sur des places réservées, puis un tirage au sort), et une famille refusée passe à son choix suivant.
gloss-leopard_skin-name = Peau de léopard
gloss-leopard_skin-def = un secteur en plusieurs morceaux, voulu : des quartiers éloignés les uns des autres envoient leurs élèves au même collège pour mélanger les milieux sociaux.
common-glossary_heading = Les mots employés
