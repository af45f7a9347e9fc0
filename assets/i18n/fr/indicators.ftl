## TableTexts
table-unknown = inconnu
table-fictional = ⚠ Territoire fictif : aucune donnée réelle.
table-distances = Distances
table-walking_at = marche à
table-threshold = seuil
table-far_units_and = îlots et
table-far_colleges = collèges à plus de 300 m d'une rue : ce bout de leur trajet est compté à vol d'oiseau
table-rule_more_than = Règle : IPS à plus de
table-from_reference = de la référence
table-h_college = collège
table-h_pupils = élèves
table-h_use = rempl.
table-h_sd = ±
table-h_bours = bours.
table-h_walk = marche
table-h_max = max
table-h_beyond = >seuil
table-h_rule = règle
table-flag_above = au-dessus
table-flag_below = en dessous
table-flag_within = dans la bande
table-private = priv
table-est_both = Élèves et IPS estimés, pas comptés :
table-est_pupils = Élèves estimés, pas comptés :
table-est_ips = IPS estimés, pas mesurés :
table-indices = Indices du territoire (Δ = écart à la carte actuelle)
table-ips_spread = écart d'IPS entre collèges publics
table-gap = écart max-min
table-estimated = , estimé
table-entropy = entropie
table-public_private = public/privé
table-within_public = dans le public
table-within_private = dans le privé
table-boursiers = boursiers
table-share = part

