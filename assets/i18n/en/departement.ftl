## DepartementTexts
departement-title = A département from the national files
departement-help = Give the folder where you downloaded the ministry's files (directory, geolocation, IPS and headcounts of collèges and écoles, carte scolaire), the commune contours and, if you have it, the address file (BAN). Each file is recognised by its columns, whatever its name.
departement-folder = Folder (or files, separated by ;)
departement-browse = Browse…
departement-code = Département code
departement-code_hint = e.g. 35; read from the files when empty
departement-name = Territory name
departement-uai_column = UAI column (optional)
departement-uai_hint = when a table spells it its own way
departement-read = Read the files
departement-files = What each file is
departement-missing = Missing files, and what each would add
departement-build = Build the territory
departement-step_recognising = Recognising the files…
departement-step_contours = Reading the contours…
departement-step_colleges = Reading the collèges…
departement-step_ecoles = Reading the écoles…
departement-step_addresses = Reading the addresses…
departement-step_building = Building the territory…
departement-open = Open in the editor
departement-close = Close
departement-details = Details
departement-problems = Problems in the files
departement-nothing_recognised = None of the expected national files in this folder.
departement-from_import = A département from the national files…
departement-uai_of_table = UAI:

