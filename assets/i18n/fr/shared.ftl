## SharedTexts
shared-button = Secteurs partagés…
shared-title = Secteurs partagés entre plusieurs collèges
shared-intro = Un secteur partagé réunit les secteurs de plusieurs collèges sous une règle commune, comme à Paris. Les cartes et les indicateurs montrent la moyenne attendue ; ici, ce que la règle donne vraiment.
shared-new_heading = Nouveau secteur partagé
shared-pick_colleges = Collèges dont les secteurs sont réunis :
shared-alternating = Montée alternée : chaque année, toute la 6e va dans un collège, puis dans l’autre
shared-alternating_help = Les élèves déjà entrés restent dans leur collège ; la composition change d’une année à l’autre.
shared-first_year = Première rentrée de la règle
shared-lottery = Affectation par algorithme : les familles classent les collèges, des places sont réservées aux boursiers
shared-lottery_help = Acceptation différée (les familles proposent, chaque collège garde les meilleurs rangs : d’abord les boursiers sur les places réservées, puis un tirage au sort). Les classements suivent la distance à pied, plus une part de goût personnel. Simulé de nombreuses fois.
shared-seats = places en 6e
shared-appeal = · attrait pour les familles (en km de marche acceptés en plus)
shared-reserve = Places réservées aux boursiers
shared-spread = Part du goût personnel (en km de marche)
shared-runs = Années simulées
shared-pick_two = Choisissez au moins deux collèges.
shared-create = Créer le secteur partagé
shared-blocks = îlots
shared-over_places = ⚠ au-delà de ses { $places } places ({ $fill } %)
shared-cycle_heading = Chaque collège, année par année (les 4 premières rentrées) :
shared-pupils = élèves
shared-boursiers = boursiers
shared-intake = entrées en 6e par an
shared-lottery_summary = { $runs } années simulées, { $families } familles par an, { $reserve } % des places réservées aux boursiers. Entrées attendues en 6e :
shared-odds_heading = Chances d’une famille selon son îlot :
shared-no_place = sans place
shared-hidden = moins de 5 élèves : non affiché
shared-created = Secteur partagé « { $name } » créé : { $units ->
        [one] { $units } îlot
       *[other] { $units } îlots
    } (Ctrl+Z pour annuler).

