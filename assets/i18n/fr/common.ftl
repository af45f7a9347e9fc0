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
