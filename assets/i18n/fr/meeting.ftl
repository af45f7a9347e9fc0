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
meeting-band = Cadre vert : à moins de { $pct } % de la moyenne.
meeting-full = Rempli à { $pct } %
meeting-full_before = {" "}(avant : { $pct } %)
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
glance-marks = IPS à ± { $pct } % de la moyenne
glance-marks_no_band = IPS
glance-marks_now = maintenant
glance-marks_before = avant
glance-unknown = inconnu
glance-pct = { $pct } %
glance-minutes = { $minutes } min
glance-before = avant : { $value }
glance-spread_change = Écart d’IPS : { $before } → { $now } points
glance-spread_same = Écart d’IPS : { $value } points
glance-index_change = Séparation sociale : { $before } → { $now } sur 100
glance-index_same = Séparation sociale : { $value } sur 100
glance-index_hint = (0 = même mélange dans chaque collège)

glance-ips_estimated = (IPS estimés)
glance-estimated = (estimé)

glance-no_capacity = Places des collèges : inconnues
glance-no_walk = Trajets à pied : inconnus

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
scen-separation_hint = 0 = même mélange dans chaque collège ; plus c’est bas, plus les collèges sont mixtes. Séparation sociale (H) des groupes sociaux, ou à défaut part des boursiers qui devraient changer de collège.
scen-col_ensemble = Plus mixte que ({ $index }, { $maps } cartes au hasard)
scen-ensemble_hint = La part des cartes tirées au hasard dans « Ce que coûte la mixité » (mêmes règles, sans regarder la mixité) qui sont moins mixtes que ce scénario, pour cet indice.
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

## RecordTexts
rec-header = type,heure,scénario,objet,qui,remarque,séparation sociale (sur 100),écart d'IPS (points),élèves déplacés,trajet moyen (min),collèges trop pleins
rec-kind_remark = remarque
rec-kind_snapshot = figé
rec-about_block = îlot { $name }
rec-about_scenario = le scénario
rec-title = Remarques de la salle
rec-help = Notez ce que dit la salle, sur un îlot (outil « Remarque » puis clic sur la carte), sur le collège choisi ou sur le scénario. Tout est gardé dans le projet et va dans le compte rendu.
rec-text_label = Remarque :
rec-who_label = Qui (facultatif) :
rec-on_scenario = Sur le scénario
rec-on_college = Sur le collège { $name }
rec-on_block = Sur l’îlot { $name }
rec-pin = Épingler la remarque
rec-freeze = Figer pour le compte rendu
rec-freeze_hint = Garde les chiffres du scénario montré, à cette heure, pour le compte rendu.
rec-frozen = Chiffres de « { $scenario } » figés pour le compte rendu.
rec-list_heading = { $n ->
    [0] Aucune remarque pour l’instant
    [one] 1 remarque
   *[other] { $n } remarques
}
rec-remove = Retirer
rec-export = Écrire le compte rendu (PDF et CSV)
rec-export_label = Fichier du compte rendu :
rec-exported = Compte rendu écrit : { $path }
rec-export_failed = Le compte rendu n’a pas pu être écrit : { $reason }
rec-pdf_title = Compte rendu de la réunion – { $territory }
rec-pdf_intro = Les scénarios dont la salle a parlé, les chiffres figés pendant la réunion et les remarques de la salle, dans l’ordre où elles ont été faites.
rec-pdf_scenarios = Les scénarios
rec-pdf_snapshots = Les chiffres figés pour le compte rendu
rec-pdf_none = Aucun.
rec-pdf_unknown = inconnu
rec-pdf_hidden = moins de 5
rec-pdf_snapshot = { $at } · « { $scenario } »
rec-pdf_figures = Séparation sociale : { $separation } sur 100 (0 = même mélange dans chaque collège) · écart d’IPS entre collèges publics : { $spread } points · élèves qui changent de collège : { $moved } · trajet moyen à pied : { $walk } min · { $over ->
    [0] aucun collège au-delà de ses places
    [one] 1 collège au-delà de ses places
   *[other] { $over } collèges au-delà de leurs places
}
rec-pdf_on_scenario = Sur « { $scenario } »
rec-pdf_remark = { $at } · { $about } · { $who } : « { $text } »
rec-pdf_anonymous = sans nom
rec-pdf_confidential = Confidentialité : aucun effectif de moins de 5 élèves n’est montré. Les chiffres sont ceux de l’outil Carte Mixité au moment où ils ont été figés.
rec-tool = Remarque

## Mon adresse: the place search

addr-label = Mon adresse
addr-hint = n° et rue, lieu, collège…
addr-clear = Effacer
addr-nothing = Aucun lieu ne porte ces mots.
addr-from_book = { $n } adresses ({ $file }) et les lieux du territoire
addr-from_streets = { $n ->
    [0] Lieux du territoire seulement (aucune rue nommée)
    [one] 1 rue nommée (sans numéros) et les lieux du territoire
   *[other] { $n } rues nommées (sans numéros) et les lieux du territoire
}
addr-add_book = Ajouter les adresses (BAN)…
addr-path_label = Fichier d'adresses :
addr-reading = Lecture des adresses…
addr-book_failed = Les adresses de { $file } n'ont pas pu être lues : { $reason }. Le fichier attendu est celui de la Base Adresse Nationale (adresses-XX.csv ou .csv.gz, colonnes numero, nom_voie, code_insee, lon, lat).
addr-book_empty = Aucune adresse de { $file } n'est dans ce territoire : est-ce le fichier du bon département ?
addr-now = Carte actuelle
addr-then = « { $name } »
addr-same = inchangé
addr-walk = { $minutes } min à pied
addr-walk_estimated = { $minutes } min à pied (à vol d'oiseau, estimé)
addr-walk_pending = à pied : calcul…
addr-walk_unknown = à pied : inconnu
addr-outside = Hors du territoire
addr-unassigned = sans collège
addr-nearest = Le n° { $asked } n'est pas dans le fichier : voici le n° { $shown }, le plus proche du même côté.
addr-unnumbered = Les rues du territoire n'ont pas de numéros : le n° { $asked } ne peut pas être placé. Voici chaque îlot que la rue traverse.
addr-parts = { $n ->
    [one] Dans 1 îlot :
   *[other] Dans { $n } îlots :
}
addr-more_parts = { $n ->
    [one] et 1 autre îlot
   *[other] et { $n } autres îlots
}
addr-pin_hint = Le repère rouge montre le lieu cherché.
addr-kind-address = adresse
addr-kind-street = rue
addr-kind-block = îlot
addr-kind-college = collège
addr-kind-landmark = repère
