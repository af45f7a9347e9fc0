## AssistantTexts
assistant-button = Assistant…
assistant-title = Assistant : proposer une carte plus mélangée
assistant-intro = L’assistant cherche, en déplaçant des îlots en bordure de secteur, une carte où les milieux sociaux sont plus mélangés, en respectant vos limites. Sa proposition devient un nouveau scénario : vous choisissez les changements à garder.
assistant-index_heading = Indice à faire baisser (sur 100, 0 = mélange parfait)
assistant-index_entropy = Séparation sociale entre collèges (indice H, tous les milieux sociaux)
assistant-index_boursiers = Part des boursiers qui devraient changer de collège
assistant-index_disadvantaged = Part des élèves défavorisés qui devraient changer de collège
assistant-unknown_here = inconnu ici
assistant-constraints_heading = Limites à respecter
assistant-capacity = Chaque collège rempli entre
assistant-and = et
assistant-walk_increase = Trajet à pied allongé d’au plus (m)
assistant-walk_max = Trajet à pied d’au plus (m)
assistant-moved_max = Élèves qui changent de collège, au plus
assistant-contiguous = Garder chaque secteur d’un seul tenant
assistant-schools = Garder les écoles entières (les îlots d’une même école vont au même collège ; { $n ->
        [one] { $n } école
       *[other] { $n } écoles
    })
assistant-schools_unknown = Garder les écoles entières
assistant-schools_unknown_hint = Les données de ce territoire ne disent pas de quelle école relève chaque îlot. À l’import, choisissez la colonne « École » pour pouvoir garder les écoles entières.
assistant-capacity_unknown_hint = Aucun collège de ce territoire n’a de capacité connue : cette limite ne peut rien retenir. Donnez les capacités dans le tableau des collèges à l’import pour l’utiliser.
assistant-school_move = { $school }, { $n ->
        [one] { $n } îlot
       *[other] { $n } îlots
    }
assistant-blocks = { $n ->
        [one] { $n } îlot
       *[other] { $n } îlots
    }
assistant-show_on_map = Montrer sur la carte
assistant-preview_banner = Aperçu de l’assistant : { $n ->
        [one] { $n } îlot (entouré en orange) changerait
       *[other] { $n } îlots (entourés en orange) changeraient
    } de collège, { $pupils } élèves. Rien n’est encore changé.
assistant-preview_hint = Pour modifier la carte, fermez l’assistant ou décochez « Montrer sur la carte ».
assistant-preview_word = Aperçu de l’assistant
assistant-locked_note = Ce qui est verrouillé ({ $u ->
        [one] { $u } îlot
       *[other] { $u } îlots
    }, { $c ->
        [one] { $c } collège
       *[other] { $c } collèges
    }), les collèges privés ou fermés et les îlots partagés ne bougent pas.
assistant-locked_note_none = Les collèges privés ou fermés et les îlots partagés ne bougent pas.
assistant-seconds = Durée de la recherche (s)
assistant-run = Lancer la recherche
assistant-stop = Arrêter et garder la meilleure carte
assistant-phase_greedy = Première proposition…
assistant-phase_annealing = Recherche d’une meilleure carte…
assistant-phase_polish = Finitions…
assistant-best_so_far = Meilleure carte trouvée
assistant-result_heading = Proposition
assistant-index_line = Indice (sur 100)
assistant-first_after = première proposition prête en
assistant-moved_line = { $units ->
        [one] { $units } îlot change
       *[other] { $units } îlots changent
    } de collège · { $pupils } élèves
assistant-walk_line = Trajet moyen des élèves déplacés
assistant-nothing_found = Aucun déplacement ne fait baisser l’indice dans ces limites : essayez des limites plus larges.
assistant-moves_heading = Changements proposés (les plus utiles d’abord)
assistant-gain_hint = Baisse de l’indice (sur 100) due à ce seul changement
assistant-pupils = élèves
assistant-check_all = Tout cocher
assistant-check_none = Tout décocher
assistant-accept = Créer le scénario avec { $n ->
        [one] le changement coché
       *[other] les { $n } changements cochés
    }
assistant-accept_anyway = Créer le scénario malgré tout avec { $n ->
        [one] le changement coché
       *[other] les { $n } changements cochés
    }
assistant-checked_line = Avec les changements cochés : { $before } → { $after }
assistant-breaches_heading = { $n ->
    [one] Ces changements dépassent une limite :
   *[other] Ces changements dépassent { $n } limites :
}
assistant-notes_breaches = Limites dépassées par les changements gardés : { $list }.
assistant-breach-over = { $college } rempli à { $fill } % (limite : { $limit } %)
assistant-breach-under = { $college } rempli à { $fill } % seulement (limite : { $limit } %)
assistant-breach-moved = { $moved } élèves changent de collège (limite : { $max })
assistant-breach-longer = { $n ->
    [one] 1 îlot voit son trajet allongé
   *[other] { $n } îlots voient leur trajet allongé
} de { $worst } km au plus (limite : { $max } km)
assistant-breach-far = { $n ->
    [one] 1 îlot est
   *[other] { $n } îlots sont
} à { $worst } km au plus de leur collège (limite : { $max } km)
assistant-breach-pieces = le secteur de { $college } est en { $pieces } morceaux ({ $before ->
    [one] 1 avant
   *[other] { $before } avant
})
assistant-accepted = Scénario « { $name } » créé : { $n } îlots changent de collège (Ctrl+Z pour annuler).{ $skipped ->
        [0] {""}
       *[other] {" "}{ $skipped } changements ignorés : la carte avait changé depuis la recherche.
    }
assistant-stale = La carte a changé depuis la recherche : { $n ->
        [one] { $n } changement ne s’applique plus
       *[other] { $n } changements ne s’appliquent plus
    }.
assistant-scenario_name = Proposition de l’assistant
assistant-limit-capacity = chaque collège rempli entre { $low } % et { $high } %
assistant-limit-walk_increase = aucun trajet à pied allongé de plus de { $km } km
assistant-limit-walk_max = aucun trajet à pied de plus de { $km } km
assistant-limit-moved = au plus { $n } élèves changent de collège
assistant-limit-contiguous = chaque secteur d’un seul tenant
assistant-limit-schools = les îlots d’une même école vont au même collège
assistant-notes = Proposé par l’assistant pour baisser : { $index }. Limites : { $limits }.
assistant-index_unknown = Cet indice est inconnu pour ce territoire : ses données n’ont pas les effectifs nécessaires. Choisissez un autre indice.
assistant-nothing_movable = Aucun îlot ne peut changer de collège : tout est verrouillé, fermé ou privé.

## assist --frontier
frontier-heading = { $territory } : l’indice le plus bas trouvé pour chaque plafond d’élèves déplacés (sur 100 ; carte actuelle : { $start })
frontier-cap = plafond
frontier-moved = déplacés
frontier-index = indice
frontier-knee = Au-delà de { $moved } élèves déplacés, chaque centaine ne gagne plus que { $gain } { $ips ->
        [yes] point d’écart d’IPS
       *[no] point sur 100
    }.
frontier-no-knee = La courbe ne s’infléchit pas : chaque centaine d’élèves déplacés gagne à peu près autant.
frontier-time = { $points } points en { $seconds } s.
frontier-unknown = L’indice demandé ne peut pas être calculé sur ce territoire.
frontier-beats = plus mixte que
ensemble-what = Comparaison : { $maps } cartes tirées au hasard, sans regarder la mixité, qui respectent les mêmes règles ({ $rules }), chacune à { $changes } changements de bordure de la précédente, depuis la carte actuelle. Ce n’est pas l’ensemble de toutes les cartes possibles : ces cartes ressemblent encore à la carte actuelle.
ensemble-rule-contiguous = secteurs d’un seul tenant
ensemble-rule-capacity = remplissage entre { $low } et { $high } %
ensemble-rule-walk = trajets allongés de { $metres } m au plus
ensemble-rule-schools = écoles entières
ensemble-rule-none = aucune règle
ensemble-current = La carte actuelle est plus mixte que { $share } % de ces { $maps } cartes.
ensemble-proposal = La proposition est plus mixte que { $share } % de ces { $maps } cartes.
ensemble-panel = Cette carte est plus mixte ({ $index }) que { $share } % des { $maps } cartes tirées au hasard sous les mêmes règles (voir « Ce que coûte la mixité… »).

## The window "Ce que coûte la mixité" (the frontier and the neutral ensemble)
front-title = Ce que coûte la mixité
front-open = Ce que coûte la mixité…
front-open_hint = La courbe de l’indice le plus bas trouvé pour chaque nombre d’élèves déplacés, avec les règles ci-dessus, et où se placent les scénarios du projet.
front-intro = Pour chaque plafond d’élèves déplacés, l’assistant cherche la carte la plus mixte qui respecte les règles choisies dans l’assistant, en partant de la carte actuelle. La courbe montre ce que chaque centaine d’élèves déplacés fait gagner.
front-rules = Règles : { $rules }.
front-up_to = Jusqu’à
front-in_points = élèves déplacés, en
front-points = points,
front-seconds = s de recherche par point
front-ensemble = Comparer à
front-maps = cartes tirées au hasard
front-run = Tracer la courbe
front-stop = Arrêter
front-progress = Point { $point } sur { $points }
front-drawing = Tirage des cartes au hasard
front-axis_moved = élèves déplacés (par rapport à la carte actuelle)
front-axis_index = { $index } — plus bas : plus mixte
front-current = carte actuelle
front-band = 90 % des { $maps } cartes au hasard
front-walk_legend = Couleur des points : marche moyenne, de { $low } km (bleu) à { $high } km (orange).
front-point = { $moved } élèves déplacés · indice { $index } · marche moyenne { $walk }
front-walk_unknown = inconnue
front-keep = Garder cette carte comme scénario
front-click_hint = Cliquez un point de la courbe pour voir sa carte sur le plan.
front-table_heading = Les scénarios du projet face à la courbe
front-col_name = Scénario
front-col_moved = Élèves déplacés
front-col_index = Indice
front-col_curve = Face à la courbe
front-col_ensemble = Plus mixte que
front-on_curve = sur la courbe ou mieux
front-above_curve = la courbe fait { $gap } de mieux avec autant d’élèves déplacés
front-beyond_curve = au-delà de la courbe tracée
front-share = { $share } % des cartes
front-not_drawn = pas de tirage
front-kept_name = Courbe, { $moved } élèves déplacés
front-notes = Carte de la courbe « Ce que coûte la mixité » : { $index } le plus bas trouvé avec au plus { $moved } élèves déplacés. Limites : { $limits }.
front-kept = Scénario « { $name } » créé depuis la courbe ({ $blocks } îlots changent de collège).
front-empty = Aucune carte de la courbe ne change quoi que ce soit : les règles ne laissent rien bouger.
front-scenario_place = « { $name } » est plus mixte que { $share } % de ces { $maps } cartes.
front-scenario_line = « { $name } » : { $moved } élèves déplacés, indice { $index }, { $curve }.
front-scenario_line_drawn = « { $name } » : { $moved } élèves déplacés, indice { $index }, { $curve } ; plus mixte que { $share } % des cartes tirées au hasard.
front-handout_option = Joindre au document « Ce que coûte la mixité » (la courbe tracée dans l’assistant)
front-handout_none = Pour joindre « Ce que coûte la mixité », tracez d’abord la courbe : Assistant → Ce que coûte la mixité…
front-handout_from = La courbe part de la carte actuelle au moment où elle a été tracée ; chaque point est la carte la plus mixte que l’assistant a trouvée en { $seconds } s, pas une preuve qu’il n’en existe pas de meilleure.
