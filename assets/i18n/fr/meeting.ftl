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
