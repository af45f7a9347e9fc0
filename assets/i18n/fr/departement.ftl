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

