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

