## MeetingTexts
meeting-boursier_part = boursiers
meeting-not_boursier_part = non boursiers
meeting-hidden = { $n } non communiqués (moins de 5 élèves)
meeting-out_of_100 = Sur 100 élèves de ce collège :
meeting-before = Avant :
meeting-mix_unknown = Composition sociale : inconnue
meeting-ips = Indice de position sociale (IPS) :
meeting-gauge_wide_low = bien moins favorisé
meeting-gauge_wide_mid = moyenne du territoire
meeting-gauge_wide_high = bien plus favorisé
meeting-gauge_narrow_low = moins favorisé
meeting-gauge_narrow_mid = moyenne
meeting-gauge_narrow_high = plus favorisé
meeting-band = Cadre vert : à moins de { $pct } % de la moyenne.
meeting-full = Rempli à { $pct } %
meeting-full_before = {" "}(avant : { $pct } %)
meeting-places_unknown = Places : inconnues
meeting-walk = { $minutes } min à pied en moyenne ({ $how })
meeting-walk_before = , avant : { $minutes } min
meeting-walk_unknown = Trajet à pied : inconnu


## GlanceTexts
glance-college = Collège
glance-mix = Sur 100 élèves
glance-boursiers = Boursiers sur 100
glance-ips = IPS
glance-full = Rempli
glance-walk = À pied
glance-others = { $changed ->
    [0] { $n ->
        [one] et 1 autre collège, inchangé
       *[other] et { $n } autres collèges, inchangés
    }
   *[other] { $n ->
        [one] et 1 autre collège, changé
       *[other] et { $n } autres collèges, dont { $changed } { $changed ->
            [one] changé
           *[other] changés
        }
    }
}
glance-marks = IPS à ± { $pct } % de la moyenne
glance-marks_no_band = IPS
glance-marks_now = maintenant
glance-marks_before = avant
glance-unknown = inconnu
glance-pct = { $pct } %
glance-minutes = { $minutes } min
glance-before = avant : { $value }
glance-spread_change = Écart d’IPS : { $before } → { $now } points
glance-spread_same = Écart d’IPS : { $value } points
glance-index_change = Séparation sociale : { $before } → { $now } sur 100
glance-index_same = Séparation sociale : { $value } sur 100
glance-index_hint = (0 = même mélange dans chaque collège)

## ScenariosTexts
scen-title = Scénarios et propositions
scen-help = Chaque scénario du projet, y compris les propositions reçues (fichiers de projet ou de scénario faits sur ce territoire). Cliquez sur un en-tête pour trier ; cochez deux scénarios pour les comparer côte à côte.
scen-col_compare = Comparer
scen-col_name = Scénario
scen-col_author = Auteur
scen-col_separation = Séparation (sur 100)
scen-col_spread = Écart d’IPS
scen-col_moved = Élèves déplacés
scen-col_walk = Trajet moyen
scen-col_over = Collèges trop pleins
scen-separation_hint = 0 = même mélange dans chaque collège ; plus c’est bas, plus les collèges sont mixtes. Indice d’entropie H des groupes sociaux, ou à défaut dissimilarité des boursiers.
scen-hidden = moins de 5
scen-unknown = inconnu
scen-compare = Comparer les deux scénarios cochés
scen-compare_hint = Cochez exactement deux scénarios.
scen-show_hint = Afficher ce scénario sur la carte
scen-add = Ajouter des propositions…
scen-path_label = Ou chemin des fichiers (séparés par ;) :
scen-path_hint = par exemple /home/moi/Documents/proposition-fcpe.cartemixite
scen-add_typed = Ajouter
scen-reading = Lecture des propositions…
scen-added = { $scenarios ->
    [0] Aucune proposition ajoutée
    [one] 1 proposition ajoutée
   *[other] { $scenarios } propositions ajoutées
} ({ $files ->
    [one] 1 fichier lu
   *[other] { $files } fichiers lus
})
scen-refused = { $n ->
    [one] 1 fichier refusé :
   *[other] { $n } fichiers refusés :
}
scen-minutes = { $minutes } min
scen-err-unreadable = { $file } : illisible ({ $reason }).
scen-err-too_large = { $file } : { $mb } Mo, bien plus qu’une proposition ; choisissez le fichier de projet ou de scénario.
scen-err-not_a_proposal = { $file } : ce n’est pas un projet ni un scénario de Carte Mixité (fichier .cartemixite ou .json enregistré par l’application).
scen-err-damaged = { $file } : fichier abîmé ({ $reason }).
scen-err-other_territory = { $file } : fait sur un autre territoire ({ $n ->
    [one] 1 îlot ou collège qu’il nomme n’existe pas ici
   *[other] { $n } îlots ou collèges qu’il nomme n’existent pas ici
}) ; demandez une proposition faite sur ce territoire.
scen-err-incomplete = { $file } : { $n ->
    [one] 1 îlot reste sans collège
   *[other] { $n } îlots restent sans collège
} ; chaque îlot doit avoir son collège.
scen-err-empty = { $file } : aucune proposition dedans, seulement la carte actuelle.
