//! Every word the interface shows, in French (default) and English, in one place. Each language
//! is one value of [`Texts`]: a missing translation is a compile error, not a blank label.

/// Interface language (also the command line's `--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Lang {
    /// Français.
    #[default]
    Fr,
    /// English.
    En,
}

pub mod check;
pub mod departement;
pub mod indicators;
pub mod meeting;

/// The interface's texts in one language.
#[allow(missing_docs)]
pub struct Texts {
    pub app_title: &'static str,
    pub fictional_badge: &'static str,
    pub fictional_note: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub scenario: &'static str,
    pub baseline_name: &'static str,
    pub new_scenario: &'static str,
    pub new_scenario_name: &'static str,
    pub auto_scenario_notice: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub reset_to_baseline: &'static str,
    pub language: &'static str,
    pub pick_college_hint: &'static str,
    pub assign_hint: &'static str,
    /// The click tool's hint when whole écoles move.
    pub assign_school_hint: &'static str,
    /// The toggle that makes the tools move whole écoles, and its explanation.
    pub whole_schools: &'static str,
    pub whole_schools_hint: fn(usize) -> String,
    pub selected_college: &'static str,
    pub pupils: &'static str,
    pub capacity: &'static str,
    pub full_at: &'static str,
    pub ips: &'static str,
    pub ips_estimated: &'static str,
    pub boursiers: &'static str,
    pub walk_straight: &'static str,
    pub walk_computing: &'static str,
    pub transport_needed: &'static str,
    pub walk_stop: &'static str,
    pub walk_of_streets: &'static str,
    pub walk_ready: &'static str,
    pub walk_stopped: &'static str,
    pub meeting_button: &'static str,
    pub meeting_leave: &'static str,
    pub meeting_before: &'static str,
    pub meeting_after: &'static str,
    pub meeting_hint: &'static str,
    pub meeting_hint_before: &'static str,
    pub meeting_changed_legend: &'static str,
    pub icons_group: &'static str,
    pub icons_boursier: &'static str,
    pub fewer_than: &'static str,
    pub not_shown_small: &'static str,
    pub meeting_no_proposal: &'static str,
    pub by_reach: &'static str,
    pub color_by_reach: &'static str,
    pub reach_pick: &'static str,
    pub walk_settings: &'static str,
    pub walk_title: &'static str,
    pub walk_source_streets: &'static str,
    pub walk_source_none: &'static str,
    pub walk_load: &'static str,
    pub walk_load_title: &'static str,
    pub walk_load_help: &'static str,
    pub walk_reading: &'static str,
    pub walk_speed: &'static str,
    pub walk_speed_hint: &'static str,
    pub walk_threshold: &'static str,
    pub walk_detour: &'static str,
    pub walk_detour_unused: &'static str,
    pub walk_far_none: &'static str,
    pub walk_far: &'static str,
    pub walk_far_notice: &'static str,
    pub walk_unplaced: &'static str,
    pub close: &'static str,
    pub walk_mean: &'static str,
    pub beyond_threshold: &'static str,
    pub unknown: &'static str,
    pub capacity_unknown: &'static str,
    pub boursiers_unknown: &'static str,
    pub private_college: &'static str,
    pub no_sector: &'static str,
    pub over_capacity: &'static str,
    pub above_band: &'static str,
    pub below_band: &'static str,
    pub within_band: &'static str,
    pub empty_sector: &'static str,
    pub territory_indices: &'static str,
    pub segregation_h: &'static str,
    pub dissimilarity_boursiers: &'static str,
    pub since_baseline: &'static str,
    pub changed_units: &'static str,
    pub changed_unit_one: &'static str,
    pub pupils_moved: &'static str,
    pub rule_text: &'static str,
    pub reference: &'static str,
    pub locked: &'static str,
    pub hover_college: &'static str,
    pub unassigned: &'static str,
    pub shares_word: &'static str,
    pub minutes: &'static str,
    pub legend_colleges: &'static str,
    pub legend_public: &'static str,
    pub legend_private: &'static str,
    pub legend_boundary: &'static str,
    pub legend_striped: &'static str,
    pub recovery_text: &'static str,
    pub recover: &'static str,
    pub dismiss_recovery: &'static str,
    pub less_favoured: &'static str,
    pub more_favoured: &'static str,
    pub color_by_ips: &'static str,
    pub color_by_boursiers: &'static str,
    pub color_by_walk: &'static str,
    pub coloring: &'static str,
    pub by_college: &'static str,
    pub by_ips: &'static str,
    pub by_boursiers: &'static str,
    pub by_walk: &'static str,
    pub tool: &'static str,
    pub tool_click: &'static str,
    pub tool_brush: &'static str,
    pub tool_rect: &'static str,
    pub tool_lasso: &'static str,
    pub tool_pick: &'static str,
    pub tool_lock: &'static str,
    pub tool_hint_brush: &'static str,
    pub tool_hint_area: &'static str,
    pub tool_hint_pick: &'static str,
    pub tool_hint_lock: &'static str,
    pub skipped_locked: &'static str,
    pub sort_by: &'static str,
    pub sort_map: &'static str,
    pub sort_name: &'static str,
    pub sort_use: &'static str,
    pub sort_ips: &'static str,
    pub sort_boursiers: &'static str,
    pub sort_walk: &'static str,
    pub not_contiguous: &'static str,
    pub pieces: &'static str,
    pub beyond_walk_flag: &'static str,
    pub lock_college: &'static str,
    pub legend_shared: &'static str,
    pub tool_split: &'static str,
    pub tool_new_college: &'static str,
    pub dominos_button: &'static str,
    pub dominos_hint: &'static str,
    pub dominos_none: fn(&str) -> String,
    pub dominos_done: fn(&str, usize, &str) -> String,
    pub tool_hint_new_college: &'static str,
    pub tool_hint_move: fn(&str) -> String,
    pub move_college: &'static str,
    pub merge_college: &'static str,
    pub rebuilt: &'static str,
    pub college_moved: fn(&str, &str) -> String,
    pub college_routed: &'static str,
    pub new_college_title: &'static str,
    pub new_college_default: &'static str,
    pub new_college_at: &'static str,
    pub new_college_name: &'static str,
    pub new_college_capacity: &'static str,
    pub new_college_help: &'static str,
    pub new_college_create: &'static str,
    pub college_opened: fn(&str) -> String,
    pub merge_title: &'static str,
    pub merge_with: &'static str,
    pub merge_help: &'static str,
    pub merge_do: &'static str,
    pub merged: fn(&str, &str) -> String,
    pub tool_hint_split: &'static str,
    pub split_title: &'static str,
    pub split_help: &'static str,
    pub split_add: &'static str,
    pub split_total: &'static str,
    pub split_must_sum: &'static str,
    pub split_apply: &'static str,
    pub avoidance_heading: &'static str,
    pub avoidance_help: &'static str,
    pub avoidance_low: &'static str,
    pub avoidance_high: &'static str,
    pub avoidance_unknown: &'static str,
    pub avoidance_leave: fn(&str, &str) -> String,
    pub avoidance_back: fn(&str, &str) -> String,
    pub avoidance_mixed: fn(&str, &str) -> String,
    pub unlock_college: &'static str,
    pub close_college: &'static str,
    pub reopen_college: &'static str,
    pub closed_college: &'static str,
    pub pieces_wanted: &'static str,
    pub pieces_allow: &'static str,
    pub pieces_flag_again: &'static str,
    pub closure_done: fn(&str, usize, f64, &str, usize) -> String,
    pub rename: &'static str,
    pub changes_list: &'static str,
    pub classes_6e: &'static str,
    pub basemap: &'static str,
    pub basemap_none: &'static str,
    pub basemap_osm: &'static str,
    pub basemap_mbtiles: &'static str,
    pub basemap_osm_notice: &'static str,
    pub basemap_opened: &'static str,
    pub mbtiles_title: &'static str,
    pub mbtiles_help: &'static str,
    pub file_path: &'static str,
    pub browse: &'static str,
    pub open: &'static str,
    pub cancel: &'static str,
    pub osm_attribution: &'static str,
    pub save_project: &'static str,
    pub import_button: &'static str,
    pub import_title: &'static str,
    pub import_help: &'static str,
    pub import_name: &'static str,
    pub import_units: &'static str,
    pub import_colleges: &'static str,
    pub import_join: &'static str,
    pub import_sectors: &'static str,
    pub import_read_columns: &'static str,
    pub import_columns: &'static str,
    pub import_none: &'static str,
    pub import_col_key: &'static str,
    pub import_col_name: &'static str,
    pub import_col_pupils: &'static str,
    pub import_col_college: &'static str,
    /// The units' école column.
    pub import_col_school: &'static str,
    pub import_col_status: &'static str,
    pub import_census_found: &'static str,
    pub import_baseline: &'static str,
    pub import_by_sectors: &'static str,
    pub import_by_column: &'static str,
    pub import_by_nearest: &'static str,
    pub import_estimate_ips: &'static str,
    pub import_run: &'static str,
    pub import_working: &'static str,
    pub import_open_result: &'static str,
    pub import_sector_uai: &'static str,
    pub import_calibration: &'static str,
    pub import_unmatched: &'static str,
    pub import_split_units: &'static str,
    pub import_report: &'static str,
    pub import_nothing: &'static str,
    pub open_project: &'static str,
    pub open_title: &'static str,
    pub open_help: &'static str,
    pub opening: &'static str,
    pub save_title: &'static str,
    pub save_help: &'static str,
    pub save_confirm: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub publish_button: &'static str,
    pub publish_title: &'static str,
    pub publish_intro: &'static str,
    pub publish_author: &'static str,
    pub publish_handout: &'static str,
    pub publish_map: &'static str,
    pub publish_chart_svg: &'static str,
    pub publish_chart_png: &'static str,
    pub publish_table: &'static str,
    pub publish_save_help: &'static str,
    pub publish_writing: &'static str,
    pub publish_written: &'static str,
    pub publish_failed: &'static str,
    pub publish_privacy: &'static str,
    pub publish_of_baseline: &'static str,
    pub compare_button: &'static str,
    pub compare_title: &'static str,
    pub compare_same: &'static str,
    pub compare_drawing: &'static str,
    pub compare_identical: &'static str,
    pub compare_differ: &'static str,
    pub compare_pupils: &'static str,
    pub compare_boursiers: &'static str,
    pub compare_filled: &'static str,
    pub compare_walk: &'static str,
    pub compare_indices: &'static str,
    pub compare_hidden: &'static str,
}

/// French, the default.
pub static FR: Texts = Texts {
    app_title: "Carte Mixité",
    fictional_badge: "VILLE FICTIVE",
    fictional_note: "Territoire inventé pour la démonstration : aucune donnée réelle.",
    loading: "Chargement du territoire…",
    load_failed: "Impossible d'ouvrir le territoire",
    scenario: "Scénario",
    baseline_name: "Carte actuelle",
    new_scenario: "Nouveau scénario",
    new_scenario_name: "Scénario",
    auto_scenario_notice: "La carte actuelle ne se modifie pas : un nouveau scénario a été créé.",
    undo: "Annuler",
    redo: "Rétablir",
    reset_to_baseline: "Revenir à la carte actuelle",
    language: "Langue",
    pick_college_hint: "Choisissez un collège à droite, puis cliquez sur un îlot pour le lui donner.",
    assign_hint: "Cliquez sur un îlot pour le donner à",
    assign_school_hint: "Cliquez sur un îlot : toute son école va à",
    whole_schools: "École entière",
    whole_schools_hint: |n| {
        format!(
            "Les outils déplacent toute l’école de l’îlot touché (le territoire compte {n} écoles), comme Toulouse a réaffecté des écoles entières."
        )
    },
    selected_college: "Collège choisi",
    pupils: "élèves",
    capacity: "places",
    capacity_unknown: "capacité inconnue",
    boursiers_unknown: "boursiers : inconnu",
    full_at: "rempli à",
    ips: "IPS",
    ips_estimated: "IPS estimé",
    boursiers: "boursiers",
    walk_straight: "à vol d'oiseau",
    walk_computing: "Trajets à pied par les rues…",
    transport_needed: "Élèves à plus de",
    walk_stop: "Arrêter",
    walk_of_streets: "de rues",
    walk_ready: "Trajets à pied calculés par les rues",
    walk_stopped: "Trajets par les rues non calculés : les distances restent à vol d'oiseau",
    meeting_button: "Mode réunion (F5)",
    meeting_leave: "Quitter le mode réunion (Échap)",
    meeting_before: "Avant : carte actuelle",
    meeting_after: "Après :",
    meeting_hint: "Cliquez sur le point d'un collège pour le choisir, puis sur un îlot pour le lui donner.",
    meeting_hint_before: "Vous voyez la carte actuelle. Passez à « Après » pour modifier.",
    meeting_changed_legend: "Point blanc : îlot qui change de collège",
    icons_group: "Milieu social",
    icons_boursier: "Boursiers",
    fewer_than: "moins de",
    not_shown_small: "non communiqué (moins de 5 élèves)",
    meeting_no_proposal: "proposition (rien de changé encore)",
    by_reach: "à pied du collège",
    color_by_reach: "À pied jusqu'à",
    reach_pick: "Choisissez un collège pour voir jusqu'où l'on y va à pied",
    walk_settings: "Marche à pied…",
    walk_title: "Trajets à pied",
    walk_source_streets: "Les distances à pied suivent les rues",
    walk_source_none: "Ce territoire n'a pas de rues : les distances sont estimées à vol d'oiseau, multipliées par le facteur de détour ci-dessous. Chargez un fichier de rues pour des trajets réels.",
    walk_load: "Charger un fichier de rues…",
    walk_load_title: "Fichier de rues",
    walk_load_help: "Un extrait OpenStreetMap (.osm.pbf, .osm, .osm.gz) ou des lignes de rues (GeoJSON, Shapefile, en longitude/latitude) qui couvre le territoire. Les rues sont gardées dans le projet.",
    walk_reading: "Lecture des rues…",
    walk_speed: "Vitesse de marche",
    walk_speed_hint: "minutes pour 1 km",
    walk_threshold: "Au-delà, transport scolaire",
    walk_detour: "Facteur de détour (sans rues)",
    walk_detour_unused: "inutilisé : les distances viennent des rues",
    walk_far_none: "Tous les quartiers et collèges sont à moins de 300 m d'une rue.",
    walk_far: "À plus de 300 m d'une rue (leur trajet compte ce bout à vol d'oiseau) :",
    walk_far_notice: "à plus de 300 m d'une rue : voir « Marche à pied… »",
    walk_unplaced: "sans rue atteignable : trajet inconnu",
    close: "Fermer",
    walk_mean: "trajet moyen",
    beyond_threshold: "au-delà de",
    unknown: "inconnu",
    private_college: "privé",
    no_sector: "sans secteur (recrute librement)",
    over_capacity: "Trop plein",
    above_band: "Beaucoup plus favorisé que la moyenne",
    below_band: "Beaucoup moins favorisé que la moyenne",
    within_band: "Proche de la moyenne",
    empty_sector: "Secteur vide",
    territory_indices: "Mixité sur tout le territoire",
    segregation_h: "Ségrégation sociale (indice H sur 100, 0 = mixité parfaite)",
    dissimilarity_boursiers: "Séparation des boursiers (dissimilarité sur 100)",
    since_baseline: "depuis la carte actuelle",
    changed_units: "îlots changent de collège",
    changed_unit_one: "îlot change de collège",
    pupils_moved: "élèves concernés",
    rule_text: "Alerte si l'IPS s'écarte de plus de {pct} % de la référence",
    reference: "référence",
    locked: "verrouillé",
    hover_college: "Collège",
    unassigned: "non affecté",
    shares_word: "partagé",
    minutes: "min",
    legend_colleges: "Une couleur = le secteur d'un collège",
    legend_public: "collège public",
    legend_private: "collège privé (sans secteur)",
    legend_boundary: "limite de secteur",
    legend_striped: "rayé : couleur déjà prise, autre collège",
    recovery_text: "Travail retrouvé : {n} scénario(s) enregistré(s) automatiquement le {date}.",
    recover: "Reprendre ce travail",
    dismiss_recovery: "Repartir de zéro",
    less_favoured: "moins favorisé",
    more_favoured: "plus favorisé",
    color_by_ips: "IPS des familles de l'îlot",
    color_by_boursiers: "Part de boursiers de l'îlot",
    color_by_walk: "Temps de marche jusqu'au collège",
    coloring: "Couleurs",
    by_college: "par collège",
    by_ips: "par IPS",
    by_boursiers: "par boursiers",
    by_walk: "par trajet",
    tool: "Outil",
    tool_click: "Clic",
    tool_brush: "Pinceau",
    tool_rect: "Rectangle",
    tool_lasso: "Lasso",
    tool_pick: "Pipette",
    tool_lock: "Verrou",
    tool_hint_brush: "Glissez sur les îlots pour les peindre (clic droit pour déplacer la carte).",
    tool_hint_area: "Tracez une zone : ses îlots passent au collège choisi (clic droit pour déplacer la carte).",
    tool_hint_pick: "Cliquez sur un îlot pour choisir son collège.",
    tool_hint_lock: "Cliquez sur un îlot pour le verrouiller ou le déverrouiller.",
    skipped_locked: "îlots verrouillés laissés tels quels",
    sort_by: "Trier par",
    sort_map: "ordre de la carte",
    sort_name: "nom",
    sort_use: "remplissage",
    sort_ips: "IPS",
    sort_boursiers: "boursiers",
    sort_walk: "trajet",
    not_contiguous: "Secteur en plusieurs morceaux",
    pieces: "morceaux",
    beyond_walk_flag: "élèves à plus de",
    lock_college: "Verrouiller",
    legend_shared: "rayures : îlot partagé (couleur des rayures = second collège)",
    tool_split: "Partager",
    tool_new_college: "Nouveau collège",
    dominos_button: "Dominos : le désengorger",
    dominos_hint: "Cherche une chaîne d’îlots en bordure : ce collège en donne un à son voisin, qui en donne un au suivant… jusqu’à un collège qui a de la place (trajet allongé d’1 km au plus).",
    dominos_none: |name| {
        format!(
            "Aucune chaîne de dominos trouvée pour le {name} : essayez à la main, ou l’assistant."
        )
    },
    dominos_done: |path, n, pupils| {
        format!("Dominos : {path} ({n} îlots, {pupils} élèves déplacés). Ctrl+Z pour annuler.")
    },
    tool_hint_new_college: "Cliquez sur l’îlot où construire un nouveau collège.",
    tool_hint_move: |name| {
        format!("Cliquez sur l’îlot où reconstruire le {name} : ses élèves y iront.")
    },
    move_college: "Reconstruire ailleurs…",
    merge_college: "Fusionner avec…",
    rebuilt: "nouveau bâtiment",
    college_moved: |name, at| {
        format!(
            "{name} reconstruit à {at} : ses élèves y vont, l’ancien bâtiment ferme (Ctrl+Z pour annuler)."
        )
    },
    college_routed: "Trajets à pied vers le nouveau bâtiment calculés par les rues.",
    new_college_title: "Nouveau collège",
    new_college_default: "Collège nouveau",
    new_college_at: "Sur l’îlot",
    new_college_name: "Nom",
    new_college_capacity: "Places",
    new_college_help: "Le collège est ouvert dans ce scénario seulement. Donnez-lui ensuite des îlots au pinceau ou avec l’assistant.",
    new_college_create: "Créer le collège",
    college_opened: |name| {
        format!("{name} ouvert dans ce scénario : donnez-lui des îlots (Ctrl+Z pour annuler).")
    },
    merge_title: "Fusionner deux collèges",
    merge_with: "Fusionner le",
    merge_help: "Un seul collège, à la place du premier, avec les places des deux et tous leurs élèves ; les deux anciens ferment dans ce scénario.",
    merge_do: "Fusionner",
    merged: |a, b| format!("{a} et {b} fusionnés (Ctrl+Z pour annuler)."),
    tool_hint_split: "Cliquez sur un îlot pour partager ses élèves entre plusieurs collèges (quotas par cohorte).",
    split_title: "Partager un îlot",
    split_help: "Part des élèves de l’îlot qui va dans chaque collège. Les indicateurs comptent chaque part ; la carte raye l’îlot de la couleur du second collège.",
    split_add: "+ Ajouter un collège",
    split_total: "Total",
    split_must_sum: "Le total doit faire 100 %.",
    split_apply: "Appliquer",
    avoidance_heading: "Évitement (modèle, à part des chiffres)",
    avoidance_help: "Modèle simple : quand un îlot est envoyé vers un collège dont l’IPS moyen est plus bas que le sien, une part de ses familles peut partir vers le privé. Cette part augmente de s % par tranche de 10 points d’écart (en plus de l’écart d’avant), sans dépasser 60 %. Le résultat est une fourchette entre une sensibilité basse et une haute ; il n’entre jamais dans les autres chiffres.",
    avoidance_low: "s basse",
    avoidance_high: "s haute",
    avoidance_unknown: "élèves laissés de côté (IPS inconnu)",
    avoidance_leave: |lo, hi| {
        format!(
            "Évitement possible (modèle) : {lo} à {hi} élèves de plus pourraient partir vers le privé"
        )
    },
    avoidance_back: |lo, hi| {
        format!(
            "Évitement possible (modèle) : {lo} à {hi} élèves pourraient revenir dans le public"
        )
    },
    avoidance_mixed: |back, leave| {
        format!(
            "Évitement possible (modèle) : entre {back} élèves de retour et {leave} départs vers le privé"
        )
    },
    unlock_college: "Déverrouiller",
    close_college: "Fermer",
    reopen_college: "Rouvrir",
    closed_college: "Fermé dans ce scénario : il n’accueille aucun élève.",
    pieces_wanted: "Secteur en plusieurs morceaux, voulu",
    pieces_allow: "C’est voulu (peau de léopard)",
    pieces_flag_again: "Signaler à nouveau",
    closure_done: |name, units, pupils, to, stranded| {
        let mut s = format!(
            "{name} fermé : ses {units} îlots ({} élèves) vont au collège ouvert le plus proche à pied ({to}). Ajustez au pinceau ; Ctrl+Z rouvre le collège.",
            number(Lang::Fr, pupils, 0)
        );
        if stranded > 0 {
            s.push_str(&format!(
                " {stranded} îlots n’ont trouvé aucun collège ouvert : ils restent sans collège."
            ));
        }
        s
    },
    rename: "Nom du scénario",
    changes_list: "Îlots qui changent de collège",
    classes_6e: "classes de 6e",
    basemap: "Fond de carte",
    basemap_none: "aucun (hors ligne)",
    basemap_osm: "OpenStreetMap (internet)",
    basemap_mbtiles: "fichier MBTiles…",
    basemap_osm_notice: "Fond OpenStreetMap activé : les tuiles de la zone affichée sont téléchargées depuis tile.openstreetmap.org et gardées sur ce disque. Rien d'autre n'est envoyé.",
    basemap_opened: "Fond de carte ouvert :",
    mbtiles_title: "Ouvrir un fond de carte MBTiles",
    mbtiles_help: "Un fichier .mbtiles de tuiles images (png ou jpg), par exemple exporté de QGIS ou de MOBAC. Il se lit sans connexion.",
    file_path: "Chemin du fichier",
    browse: "Parcourir…",
    open: "Ouvrir",
    cancel: "Annuler",
    osm_attribution: "© les contributeurs d'OpenStreetMap",
    save_project: "Enregistrer…",
    import_button: "Importer…",
    import_title: "Importer des données ouvertes",
    import_help: "Les îlots (IRIS en GeoJSON ou Shapefile), le tableau des collèges (CSV avec longitude et latitude), et si vous les avez le fichier national des IPS et les secteurs actuels. Rien n'est modifié dans vos fichiers.",
    import_name: "Nom du territoire",
    import_units: "Îlots (IRIS)",
    import_colleges: "Collèges",
    import_join: "IPS national (facultatif)",
    import_sectors: "Secteurs actuels (facultatif)",
    import_read_columns: "Lire les colonnes",
    import_columns: "Colonnes (reconnues automatiquement, modifiables)",
    import_none: "— aucune —",
    import_col_key: "Identifiant",
    import_col_name: "Nom",
    import_col_pupils: "Élèves",
    import_col_school: "École (secteur, facultatif)",
    import_col_college: "Collège (UAI)",
    import_col_status: "Public / privé",
    import_census_found: "Catégories sociales du recensement trouvées (CS1 à CS8).",
    import_baseline: "Carte actuelle :",
    import_by_sectors: "d'après les secteurs",
    import_by_column: "d'après la colonne collège",
    import_by_nearest: "collège le plus proche",
    import_estimate_ips: "Estimer l'IPS des îlots d'après le recensement (marqué « estimé »)",
    import_run: "Importer",
    import_working: "Lecture en cours…",
    import_open_result: "Ouvrir dans l'éditeur",
    import_sector_uai: "Colonne du collège (UAI) dans les secteurs :",
    import_calibration: "Estimation de l'IPS des îlots",
    import_unmatched: "Clés sans correspondance",
    import_split_units: "Îlots à cheval sur plusieurs secteurs",
    import_report: "Rapport de validation complet",
    import_nothing: "aucun",
    open_project: "Ouvrir…",
    open_title: "Ouvrir un projet",
    open_help: "Un fichier .cartemixite reçu ou enregistré : le territoire et tous ses scénarios.",
    opening: "Ouverture de",
    save_title: "Enregistrer le projet",
    save_help: "Un seul fichier .cartemixite avec le territoire et tous les scénarios : il s'envoie par courriel et s'ouvre avec Carte Mixité.",
    save_confirm: "Enregistrer",
    saved: "Projet enregistré :",
    save_failed: "Enregistrement impossible",
    publish_button: "Documents pour le public…",
    publish_title: "Documents pour le public",
    publish_intro: "Pour le scénario affiché, comparé à la carte actuelle : une fiche à distribuer, la carte, le graphique de mixité et le tableau des collèges.",
    publish_author: "Auteur du scénario",
    publish_handout: "Fiche PDF…",
    publish_map: "Carte (PNG)…",
    publish_chart_svg: "Graphique (SVG)…",
    publish_chart_png: "Graphique (PNG)…",
    publish_table: "Tableau (CSV)…",
    publish_save_help: "Où enregistrer le document ? Un fichier existant est remplacé.",
    publish_writing: "Préparation du document…",
    publish_written: "Document enregistré :",
    publish_failed: "Le document n’a pas pu être enregistré :",
    publish_privacy: "Dans tous ces documents, les effectifs de moins de 5 élèves sont masqués, ainsi que les parts qui permettraient de les retrouver.",
    publish_of_baseline: "C’est la carte actuelle : la fiche ne montrera aucun changement. Choisissez ou créez un scénario pour montrer une proposition.",
    compare_button: "Comparer deux scénarios…",
    compare_title: "Comparer deux scénarios",
    compare_same: "Choisissez deux scénarios différents.",
    compare_drawing: "Dessin de la carte…",
    compare_identical: "Les deux scénarios envoient chaque îlot au même collège.",
    compare_differ: "îlots vont dans un autre collège",
    compare_pupils: "Élèves",
    compare_boursiers: "Boursiers sur 100",
    compare_filled: "Rempli à",
    compare_walk: "Minutes à pied",
    compare_indices: "Sur tout le territoire",
    compare_hidden: "— : non communiqué (moins de 5 élèves) ou inconnu",
};

/// English.
pub static EN: Texts = Texts {
    app_title: "Carte Mixité",
    fictional_badge: "FICTIONAL TOWN",
    fictional_note: "An invented territory for demonstration: no real data.",
    loading: "Loading the territory…",
    load_failed: "Cannot open the territory",
    scenario: "Scenario",
    baseline_name: "Current map",
    new_scenario: "New scenario",
    new_scenario_name: "Scenario",
    auto_scenario_notice: "The current map is never changed: a new scenario was created.",
    undo: "Undo",
    redo: "Redo",
    reset_to_baseline: "Back to the current map",
    language: "Language",
    pick_college_hint: "Pick a collège on the right, then click a block to give it to that collège.",
    assign_hint: "Click a block to give it to",
    assign_school_hint: "Click a block: its whole école goes to",
    whole_schools: "Whole école",
    whole_schools_hint: |n| {
        format!(
            "The tools move the whole école of the block they touch (the territory has {n} écoles), as Toulouse re-assigned whole écoles."
        )
    },
    selected_college: "Selected collège",
    pupils: "pupils",
    capacity: "places",
    capacity_unknown: "capacity unknown",
    boursiers_unknown: "boursiers: unknown",
    full_at: "full at",
    ips: "IPS",
    ips_estimated: "estimated IPS",
    boursiers: "scholarship holders",
    walk_straight: "straight line",
    walk_computing: "Walking routes along the streets…",
    transport_needed: "Pupils further than",
    walk_stop: "Stop",
    walk_of_streets: "of streets",
    walk_ready: "Walking distances computed along the streets",
    walk_stopped: "Street routes not computed: distances stay straight-line",
    meeting_button: "Meeting mode (F5)",
    meeting_leave: "Leave meeting mode (Esc)",
    meeting_before: "Before: current map",
    meeting_after: "After:",
    meeting_hint: "Click a collège's dot to pick it, then a block to give it to that collège.",
    meeting_hint_before: "You are seeing the current map. Switch to “After” to edit.",
    meeting_changed_legend: "White dot: a block that changes collège",
    icons_group: "Social background",
    icons_boursier: "Grant holders",
    fewer_than: "fewer than",
    not_shown_small: "not shown (fewer than 5 pupils)",
    meeting_no_proposal: "proposal (nothing changed yet)",
    by_reach: "walk from collège",
    color_by_reach: "On foot to",
    reach_pick: "Pick a collège to see how far one walks to it",
    walk_settings: "Walking…",
    walk_title: "Walking",
    walk_source_streets: "Walking distances follow the streets",
    walk_source_none: "This territory has no streets: distances are estimated as straight lines times the detour factor below. Load a street file for real routes.",
    walk_load: "Load a street file…",
    walk_load_title: "Street file",
    walk_load_help: "An OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) or street lines (GeoJSON, Shapefile, in longitude/latitude) covering the territory. The streets are kept in the project.",
    walk_reading: "Reading the streets…",
    walk_speed: "Walking speed",
    walk_speed_hint: "minutes per km",
    walk_threshold: "Beyond this, school transport",
    walk_detour: "Detour factor (without streets)",
    walk_detour_unused: "unused: distances come from the streets",
    walk_far_none: "Every unit and collège is within 300 m of a street.",
    walk_far: "More than 300 m from a street (their walk counts that stretch as a straight line):",
    walk_far_notice: "more than 300 m from a street: see “Walking…”",
    walk_unplaced: "no street within reach: walk unknown",
    close: "Close",
    walk_mean: "mean trip",
    beyond_threshold: "beyond",
    unknown: "unknown",
    private_college: "private",
    no_sector: "no sector (recruits freely)",
    over_capacity: "Over capacity",
    above_band: "Much more advantaged than average",
    below_band: "Much less advantaged than average",
    within_band: "Close to average",
    empty_sector: "Empty sector",
    territory_indices: "Social mix across the territory",
    segregation_h: "Social segregation (H index out of 100, 0 = perfect mix)",
    dissimilarity_boursiers: "Separation of scholarship holders (dissimilarity out of 100)",
    since_baseline: "since the current map",
    changed_units: "blocks change collège",
    changed_unit_one: "block changes collège",
    pupils_moved: "pupils concerned",
    rule_text: "Alert when the IPS is more than {pct} % away from the reference",
    reference: "reference",
    locked: "locked",
    hover_college: "Collège",
    unassigned: "unassigned",
    shares_word: "shared",
    minutes: "min",
    legend_colleges: "One colour = one collège's sector",
    legend_public: "public collège",
    legend_private: "private collège (no sector)",
    legend_boundary: "sector boundary",
    legend_striped: "striped: colour reused, another collège",
    recovery_text: "Work found: {n} scenario(s) saved automatically on {date}.",
    recover: "Resume this work",
    dismiss_recovery: "Start afresh",
    less_favoured: "less advantaged",
    more_favoured: "more advantaged",
    color_by_ips: "IPS of the block's families",
    color_by_boursiers: "Share of scholarship holders in the block",
    color_by_walk: "Walking time to the collège",
    coloring: "Colours",
    by_college: "by collège",
    by_ips: "by IPS",
    by_boursiers: "by scholarship",
    by_walk: "by walk",
    tool: "Tool",
    tool_click: "Click",
    tool_brush: "Brush",
    tool_rect: "Rectangle",
    tool_lasso: "Lasso",
    tool_pick: "Eyedropper",
    tool_lock: "Lock",
    tool_hint_brush: "Drag over blocks to paint them (right button pans the map).",
    tool_hint_area: "Draw an area: its blocks go to the selected collège (right button pans the map).",
    tool_hint_pick: "Click a block to pick its collège.",
    tool_hint_lock: "Click a block to lock or unlock it.",
    skipped_locked: "locked blocks left as they were",
    sort_by: "Sort by",
    sort_map: "map order",
    sort_name: "name",
    sort_use: "capacity use",
    sort_ips: "IPS",
    sort_boursiers: "scholarship",
    sort_walk: "walk",
    not_contiguous: "Sector in several pieces",
    pieces: "pieces",
    beyond_walk_flag: "pupils beyond",
    lock_college: "Lock",
    legend_shared: "stripes: shared block (stripe colour = second collège)",
    tool_split: "Share",
    tool_new_college: "New collège",
    dominos_button: "Dominos: relieve it",
    dominos_hint: "Looks for a chain of border blocks: this collège gives one to its neighbour, which gives one to the next… until a collège with room (walks at most 1 km longer).",
    dominos_none: |name| {
        format!("No chain of dominos found for {name}: try by hand, or the assistant.")
    },
    dominos_done: |path, n, pupils| {
        format!("Dominos: {path} ({n} blocks, {pupils} pupils moved). Ctrl+Z to undo.")
    },
    tool_hint_new_college: "Click the block where a new collège is built.",
    tool_hint_move: |name| format!("Click the block where {name} is rebuilt: its pupils go there."),
    move_college: "Rebuild elsewhere…",
    merge_college: "Merge with…",
    rebuilt: "new building",
    college_moved: |name, at| {
        format!(
            "{name} rebuilt at {at}: its pupils go there, the old building closes (Ctrl+Z to undo)."
        )
    },
    college_routed: "Walks to the new building routed along the streets.",
    new_college_title: "New collège",
    new_college_default: "New collège",
    new_college_at: "On block",
    new_college_name: "Name",
    new_college_capacity: "Places",
    new_college_help: "The collège is open in this scenario only. Then give it blocks with the brush or the assistant.",
    new_college_create: "Create the collège",
    college_opened: |name| {
        format!("{name} open in this scenario: give it blocks (Ctrl+Z to undo).")
    },
    merge_title: "Merge two collèges",
    merge_with: "Merge",
    merge_help: "One collège, at the first one's place, with both capacities and all their pupils; the two old ones close in this scenario.",
    merge_do: "Merge",
    merged: |a, b| format!("{a} and {b} merged (Ctrl+Z to undo)."),
    tool_hint_split: "Click a block to share its pupils between several collèges (cohort quotas).",
    split_title: "Share a block",
    split_help: "Share of the block's pupils going to each collège. Indicators count each share; the map stripes the block in the second collège's colour.",
    split_add: "+ Add a collège",
    split_total: "Total",
    split_must_sum: "The total must be 100 %.",
    split_apply: "Apply",
    avoidance_heading: "Avoidance (a model, kept apart from the figures)",
    avoidance_help: "A simple model: when a block is sent to a collège whose mean IPS is lower than its own, some of its families may leave for the private sector. That share grows by s % per 10 points of gap (beyond the gap before), up to 60 %. The result is a range between a low and a high sensitivity; it never enters the other figures.",
    avoidance_low: "low s",
    avoidance_high: "high s",
    avoidance_unknown: "pupils left out (IPS unknown)",
    avoidance_leave: |lo, hi| {
        format!(
            "Possible avoidance (model): {lo} to {hi} more pupils might leave for the private sector"
        )
    },
    avoidance_back: |lo, hi| {
        format!(
            "Possible avoidance (model): {lo} to {hi} pupils might come back to the public sector"
        )
    },
    avoidance_mixed: |back, leave| {
        format!(
            "Possible avoidance (model): between {back} pupils back and {leave} leaving for the private sector"
        )
    },
    unlock_college: "Unlock",
    close_college: "Close",
    reopen_college: "Reopen",
    closed_college: "Closed in this scenario: it takes no pupils.",
    pieces_wanted: "Sector in several pieces, on purpose",
    pieces_allow: "On purpose (leopard skin)",
    pieces_flag_again: "Flag again",
    closure_done: |name, units, pupils, to, stranded| {
        let mut s = format!(
            "{name} closed: its {units} blocks ({} pupils) go to the nearest open collège on foot ({to}). Adjust with the brush; Ctrl+Z reopens it.",
            number(Lang::En, pupils, 0)
        );
        if stranded > 0 {
            s.push_str(&format!(
                " {stranded} blocks found no open collège: they are left without one."
            ));
        }
        s
    },
    rename: "Scenario name",
    changes_list: "Blocks that change collège",
    classes_6e: "6e classes",
    basemap: "Background map",
    basemap_none: "none (offline)",
    basemap_osm: "OpenStreetMap (internet)",
    basemap_mbtiles: "MBTiles file…",
    basemap_osm_notice: "OpenStreetMap background on: tiles of the area shown are downloaded from tile.openstreetmap.org and kept on this disk. Nothing else is sent.",
    basemap_opened: "Background map opened:",
    mbtiles_title: "Open an MBTiles background map",
    mbtiles_help: "An .mbtiles file of image tiles (png or jpg), for example exported from QGIS or MOBAC. It is read offline.",
    file_path: "File path",
    browse: "Browse…",
    open: "Open",
    cancel: "Cancel",
    osm_attribution: "© OpenStreetMap contributors",
    save_project: "Save…",
    import_button: "Import…",
    import_title: "Import open data",
    import_help: "The units (IRIS as GeoJSON or Shapefile), the collège table (CSV with longitude and latitude), and if you have them the national IPS file and the current sectors. Your files are not changed.",
    import_name: "Territory name",
    import_units: "Units (IRIS)",
    import_colleges: "Collèges",
    import_join: "National IPS (optional)",
    import_sectors: "Current sectors (optional)",
    import_read_columns: "Read the columns",
    import_columns: "Columns (recognised automatically, changeable)",
    import_none: "— none —",
    import_col_key: "Identifier",
    import_col_name: "Name",
    import_col_pupils: "Pupils",
    import_col_school: "School (catchment, optional)",
    import_col_college: "Collège (UAI)",
    import_col_status: "Public / private",
    import_census_found: "Census social categories found (CS1 to CS8).",
    import_baseline: "Current map:",
    import_by_sectors: "from the sectors",
    import_by_column: "from the collège column",
    import_by_nearest: "nearest collège",
    import_estimate_ips: "Estimate units' IPS from the census (marked \"estimated\")",
    import_run: "Import",
    import_working: "Reading…",
    import_open_result: "Open in the editor",
    import_sector_uai: "Collège (UAI) column in the sectors:",
    import_calibration: "Units' IPS estimate",
    import_unmatched: "Keys without a match",
    import_split_units: "Units split between sectors",
    import_report: "Full validation report",
    import_nothing: "none",
    open_project: "Open…",
    open_title: "Open a project",
    open_help: "A .cartemixite file you received or saved: the territory and all its scenarios.",
    opening: "Opening",
    save_title: "Save the project",
    save_help: "One .cartemixite file with the territory and every scenario: it can be emailed and opens with Carte Mixité.",
    save_confirm: "Save",
    saved: "Project saved:",
    save_failed: "Cannot save",
    publish_button: "Documents for the public…",
    publish_title: "Documents for the public",
    publish_intro: "For the scenario shown, compared with the current map: a handout, the map, the social-mix chart and the table of collèges.",
    publish_author: "Scenario's author",
    publish_handout: "PDF handout…",
    publish_map: "Map (PNG)…",
    publish_chart_svg: "Chart (SVG)…",
    publish_chart_png: "Chart (PNG)…",
    publish_table: "Table (CSV)…",
    publish_save_help: "Where should the document be saved? An existing file is replaced.",
    publish_writing: "Preparing the document…",
    publish_written: "Document saved:",
    publish_failed: "The document could not be saved:",
    publish_privacy: "In all these documents, counts of fewer than 5 pupils are hidden, and so are the shares that would reveal them.",
    publish_of_baseline: "This is the current map: the handout will show no change. Pick or create a scenario to show a proposal.",
    compare_button: "Compare two scenarios…",
    compare_title: "Compare two scenarios",
    compare_same: "Pick two different scenarios.",
    compare_drawing: "Drawing the map…",
    compare_identical: "Both scenarios send every block to the same collège.",
    compare_differ: "blocks go to another collège",
    compare_pupils: "Pupils",
    compare_boursiers: "Boursiers of 100",
    compare_filled: "Filled to",
    compare_walk: "Walk (min)",
    compare_indices: "Across the territory",
    compare_hidden: "—: not shown (fewer than 5 pupils) or unknown",
};

/// A refused change, explained in the interface's language.
pub fn document_error(lang: Lang, e: &crate::model::DocumentError) -> String {
    use crate::model::{DocumentError as D, EditError as E};
    let fr = lang == Lang::Fr;
    match e {
        D::BaselineIsReadOnly if fr => {
            "La carte actuelle ne se modifie pas : créez un nouveau scénario.".into()
        }
        D::Edit(E::LockedUnit(name)) if fr => {
            format!("« {name} » est verrouillé : déverrouillez-le pour le changer de collège.")
        }
        D::Edit(E::LockedCollege(name)) if fr => {
            format!("Le {name} est verrouillé : aucun îlot ne peut le rejoindre ni le quitter.")
        }
        D::Edit(E::Assignment(a)) if fr => format!("Répartition refusée : {a}."),
        D::Edit(E::ClosedCollege(name)) if fr => {
            format!("Le {name} est fermé dans ce scénario : rouvrez-le pour lui donner des îlots.")
        }
        D::Edit(E::StillHasUnits { name, units }) if fr => format!(
            "Le {name} accueille encore {units} îlots : donnez-les à d’autres collèges avant de le fermer."
        ),
        _ if fr => format!("Modification refusée : {e}"),
        _ => e.to_string(),
    }
}

/// Why a background map file cannot be used, each filled with the file (and SQLite's
/// message).
pub struct MbTilesTexts {
    /// The file cannot be opened.
    pub open: fn(&str, &str) -> String,
    /// Not an MBTiles file.
    pub not_mbtiles: fn(&str) -> String,
    /// Vector tiles.
    pub vector: fn(&str) -> String,
    /// No tile.
    pub empty: fn(&str) -> String,
}

/// The MBTiles words of a language.
pub fn mbtiles_texts(lang: Lang) -> &'static MbTilesTexts {
    match lang {
        Lang::Fr => &MbTilesTexts {
            open: |path, message| {
                format!(
                    "Impossible d'ouvrir {path} ({message}) : choisissez un fichier .mbtiles existant."
                )
            },
            not_mbtiles: |path| {
                format!(
                    "{path} n'est pas un fichier MBTiles (pas de table « tiles ») : choisissez un fichier .mbtiles."
                )
            },
            vector: |path| {
                format!(
                    "{path} contient des tuiles vectorielles (pbf) : seules les tuiles images (png, jpg) s'affichent."
                )
            },
            empty: |path| format!("{path} ne contient aucune tuile."),
        },
        Lang::En => &MbTilesTexts {
            open: |path, message| format!("cannot open {path}: {message}."),
            not_mbtiles: |path| format!("{path} is not an MBTiles file (no `tiles` table)."),
            vector: |path| {
                format!(
                    "{path} holds vector tiles (pbf); only raster tiles (png, jpg) are supported."
                )
            },
            empty: |path| format!("{path} holds no tile."),
        },
    }
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A number the way the language writes it: "1 507,3" in French, "1,507.3" in English.
pub fn number(lang: Lang, x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, dec) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{dec}{frac}")
    }
}

/// "3 lieux", "1 lieu": places (blocks and collèges) counted.
pub fn places(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 lieu".into(),
        (Lang::Fr, _) => format!("{n} lieux"),
        (Lang::En, 1) => "1 place".into(),
        (Lang::En, _) => format!("{n} places"),
    }
}

/// The per cent sign after a number: a narrow no-break space before it in French.
pub fn percent_sign(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{202f}%",
        Lang::En => " %",
    }
}

/// A colon after a word: a no-break space before it in French ("A : "), none in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// A date the way the language writes it: "23 novembre 2026", "23 November 2026".
pub fn date_text(lang: Lang, d: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Datelike;
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = d.month0() as usize;
    match lang {
        Lang::Fr => format!("{} {} {}", d.day(), FR[m], d.year()),
        Lang::En => format!("{} {} {}", d.day(), EN[m], d.year()),
    }
}

/// "73 %" (French, with a narrow no-break space) or "73%", from a number already written.
pub fn percent_tight(lang: Lang, n: &str) -> String {
    match lang {
        Lang::Fr => format!("{n}\u{202f}%"),
        Lang::En => format!("{n}%"),
    }
}

/// "Auteur : X" (French space before the colon) or "Author: X".
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::Fr => format!("{label}\u{a0}: {value}"),
        Lang::En => format!("{label}: {value}"),
    }
}

/// A name in quotation marks: « X » in French, “X” in English.
pub fn quoted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{name}\u{a0}»"),
        Lang::En => format!("“{name}”"),
    }
}

/// "public" or "privé" ("private").
pub fn public_private(lang: Lang, private: bool) -> &'static str {
    match (private, lang) {
        (true, Lang::Fr) => "privé",
        (false, Lang::Fr) => "public",
        (true, Lang::En) => "private",
        (false, Lang::En) => "public",
    }
}

/// "oui" or "non" ("yes", "no").
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match (yes, lang) {
        (true, Lang::Fr) => "oui",
        (false, Lang::Fr) => "non",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// Said when a territory's streets form no network one can walk.
pub fn no_walkable_network(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "les rues du territoire ne forment aucun réseau praticable",
        Lang::En => "the territory's streets form no walkable network",
    }
}

/// What `change` says of a change that rounds to nothing.
pub fn unchanged(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "= inchangé",
        Lang::En => "= unchanged",
    }
}

/// A signed change with an arrow: "▲ +3,2", "▼ −1,0", "= inchangé".
pub fn change(lang: Lang, d: f64, decimals: usize) -> String {
    let rounded = format!("{:.*}", decimals, d.abs());
    if rounded.chars().all(|c| c == '0' || c == '.') {
        return unchanged(lang).into();
    }
    if d > 0.0 {
        format!("▲ +{}", number(lang, d, decimals))
    } else {
        format!("▼ {}", number(lang, d, decimals))
    }
}

/// Every problem of a report, one per line.
pub fn report_text(report: &crate::io::report::Report, lang: Lang) -> String {
    let mut out = String::new();
    for p in &report.problems {
        out.push_str(&problem_text(lang, p));
        out.push('\n');
    }
    out
}

/// Every problem of a report, with runs of the same problem in the same file (hundreds of rows
/// with a bad UAI, say) said once with their count and the first examples.
pub fn report_text_grouped(report: &crate::io::report::Report, lang: Lang) -> String {
    let mut out = String::new();
    let key = |p: &crate::io::report::Problem| {
        (
            p.file.clone(),
            p.severity,
            std::mem::discriminant(&p.kind),
            p.field.clone(),
        )
    };
    let problems = &report.problems;
    let mut i = 0;
    while i < problems.len() {
        let k = key(&problems[i]);
        let mut j = i + 1;
        while j < problems.len() && key(&problems[j]) == k {
            j += 1;
        }
        let run = &problems[i..j];
        if run.len() > 3 {
            let examples: Vec<String> = run
                .iter()
                .take(3)
                .filter_map(|p| p.place.as_ref().map(|pl| place_text(lang, pl)))
                .collect();
            let mut first = run[0].clone();
            first.place = None;
            out.push_str(&match lang {
                Lang::Fr => format!(
                    "{} fois : {} (par exemple {})",
                    number(lang, run.len() as f64, 0),
                    problem_text(lang, &first),
                    examples.join(", ")
                ),
                Lang::En => format!(
                    "{} times: {} (for example {})",
                    number(lang, run.len() as f64, 0),
                    problem_text(lang, &first),
                    examples.join(", ")
                ),
            });
        } else {
            for p in run {
                out.push_str(&problem_text(lang, p));
                out.push('\n');
            }
            i = j;
            continue;
        }
        out.push('\n');
        i = j;
    }
    out
}

/// What an import produced, in words: a headline, the IPS calibration, the keys that matched
/// nothing, the units split between sectors, and the whole validation report. Shared by the
/// command line and the assistant.
pub struct ImportSummary {
    /// Units, collèges, units assigned, units split.
    pub headline: String,
    /// The per-group IPS values and the fit's error, when IPS was estimated.
    pub calibration: Option<String>,
    /// One line per key that matched nothing ("file, row: key not found in table").
    pub unmatched: Vec<String>,
    /// One line per unit split between sectors (key, collège given, share of its area there).
    pub split: Vec<String>,
    /// Every problem of the report, one per line.
    pub report: Vec<String>,
    /// Sector names joined to a collège by likeness, or to none: to confirm or fix.
    pub names: Vec<String>,
}

/// Summarises an import for the user.
pub fn import_summary(imported: &crate::io::import::Imported, lang: Lang) -> ImportSummary {
    use crate::io::report::ProblemKind;
    let fr = lang == Lang::Fr;
    let t = &imported.territory;
    let assigned = t
        .unit_ids()
        .filter(|&u| imported.baseline.assignment(u).main_college().is_some())
        .count();
    let publics = t
        .colleges()
        .iter()
        .filter(|c| c.sector == crate::model::territory::Sector::Public)
        .count();
    let headline = if fr {
        format!(
            "{} : {} îlots, {} collèges ({} publics), {} îlots rattachés à un collège, {} à cheval sur plusieurs secteurs",
            t.info.name,
            t.units().len(),
            t.colleges().len(),
            publics,
            assigned,
            imported.split_units.len()
        )
    } else {
        format!(
            "{}: {} units, {} collèges ({} public), {} units assigned to a collège, {} split between sectors",
            t.info.name,
            t.units().len(),
            t.colleges().len(),
            publics,
            assigned,
            imported.split_units.len()
        )
    };
    let calibration = imported.calibration.as_ref().map(|c| {
        let n = |x: f64| number(lang, x, 1);
        let g = |i: usize| n(c.group_ips.get(i).copied().unwrap_or(f64::NAN));
        // the four groups should come out from the most to the least favoured; when they do not,
        // the fit holds for sectors only, and the user is told so
        let ordered = c.group_ips.windows(2).all(|w| w[0] >= w[1]);
        let mut text = if fr {
            format!(
                "IPS des îlots estimé d'après le recensement (valeurs marquées « estimé ») : une valeur par groupe social, ajustée sur l'IPS publié de {} collèges — très favorisé {}, favorisé {}, moyen {}, défavorisé {}.\nÉcart entre l'IPS estimé des secteurs et l'IPS publié : {} points en moyenne quadratique, {} au plus ({}).\n{} îlots ramenés dans la plage publiée {} – {}.",
                c.colleges, g(0), g(1), g(2), g(3), n(c.rmse), n(c.max_error.0), c.max_error.1, c.bounded_units, n(c.range.0), n(c.range.1)
            )
        } else {
            format!(
                "Units' IPS estimated from the census (values marked \"estimated\"): one value per social group, fitted on the published IPS of {} collèges: very favoured {}, favoured {}, middle {}, disadvantaged {}.\nError between the sectors' estimated IPS and the published IPS: {} points root mean square, {} at most ({}).\n{} units brought back into the published range {} – {}.",
                c.colleges, g(0), g(1), g(2), g(3), n(c.rmse), n(c.max_error.0), c.max_error.1, c.bounded_units, n(c.range.0), n(c.range.1)
            )
        };
        if !ordered {
            text.push_str(if fr {
                "\nLes valeurs par groupe ne vont pas du plus au moins favorisé : les groupes sont trop liés entre eux pour être séparés, et seule l'estimation par secteur est vérifiée (l'écart ci-dessus). Lisez l'IPS d'un îlot comme un ordre de grandeur."
            } else {
                "\nThe group values do not run from the most to the least favoured: the groups are too correlated to be told apart, and only the per-sector estimate is checked (the error above). Read a unit's IPS as an order of magnitude."
            });
        }
        text
    });
    let unmatched = imported
        .report
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Unmatched { .. }))
        .map(|p| problem_text(lang, p))
        .collect();
    let split = imported
        .split_units
        .iter()
        .map(|(key, uai, share)| {
            let name = t
                .college_by_uai(uai)
                .map(|c| t.college(c).name.clone())
                .unwrap_or_else(|| uai.clone());
            if fr {
                format!(
                    "{key} : {:.0} % de sa surface dans le secteur de {name}, où il est rattaché",
                    share * 100.0
                )
            } else {
                format!(
                    "{key}: {:.0}% of its area in the sector of {name}, where it goes",
                    share * 100.0
                )
            }
        })
        .collect();
    ImportSummary {
        names: imported
            .name_matches
            .iter()
            .filter(|m| m.score < 1.0)
            .map(|m| departement::name_match_text(lang, m))
            .collect(),
        headline,
        calibration,
        unmatched,
        split,
        report: imported
            .report
            .problems
            .iter()
            .map(|p| problem_text(lang, p))
            .collect(),
    }
}

/// How a walking figure was obtained, next to it: along the streets, or a straight-line
/// estimate (with its detour factor when there is one).
pub fn walk_how(lang: Lang, source: crate::metrics::WalkSource) -> String {
    use crate::metrics::WalkSource as W;
    let fr = lang == Lang::Fr;
    match source {
        W::Streets if fr => "par les rues".into(),
        W::Streets => "along streets".into(),
        W::StraightLine { detour_factor } if (detour_factor - 1.0).abs() < 1e-9 => {
            texts(lang).walk_straight.into()
        }
        W::StraightLine { detour_factor } if fr => format!(
            "estimation : vol d'oiseau × {}",
            number(lang, detour_factor, 2)
        ),
        W::StraightLine { detour_factor } => format!(
            "estimate: straight line × {}",
            number(lang, detour_factor, 2)
        ),
    }
}

/// What a street network holds and what was left out, in words.
pub fn network_text(net: &crate::routing::StreetNetwork, lang: Lang) -> String {
    let r = &net.report;
    let km = number(lang, net.total_length_m() / 1000.0, 1);
    if lang == Lang::Fr {
        format!(
            "{} voies (routes, rues, chemins) lues, {} praticables à pied, {} écartées (autoroutes, voies interdites aux piétons…) ; {} nœuds, {} tronçons, {km} km de rues ; {} morceaux séparés : le plus grand est gardé, {} nœuds et {} tronçons isolés écartés ; {} voies coupées au bord de l'extrait",
            r.ways_read,
            r.ways_walkable,
            r.ways_not_walkable,
            net.nodes.len(),
            net.edges.len(),
            r.components,
            r.dropped_nodes,
            r.dropped_edges,
            r.missing_nodes
        )
    } else {
        format!(
            "{} ways (roads, streets, paths) read, {} walkable, {} left out (motorways, ways closed to pedestrians…); {} nodes, {} edges, {km} km of streets; {} separate pieces: the largest is kept, {} isolated nodes and {} edges dropped; {} ways cut at the extract's edge",
            r.ways_read,
            r.ways_walkable,
            r.ways_not_walkable,
            net.nodes.len(),
            net.edges.len(),
            r.components,
            r.dropped_nodes,
            r.dropped_edges,
            r.missing_nodes
        )
    }
}

/// Why a street file cannot be used, in words.
pub fn network_error(lang: Lang, e: &crate::routing::NetworkError) -> String {
    use crate::routing::NetworkError as E;
    let fr = lang == Lang::Fr;
    match e {
        E::Unreadable { file, reason } if fr => {
            format!("{file} : fichier de rues illisible (détail technique, en anglais : {reason})")
        }
        E::Unreadable { file, reason } => format!("{file}: unreadable street file ({reason})"),
        E::BadLayer { file, report } if fr => format!(
            "{file} : fichier de rues illisible.\n{}",
            report_text(report, lang).trim_end()
        ),
        E::BadLayer { file, report } => format!(
            "{file}: unreadable street file.\n{}",
            report_text(report, lang).trim_end()
        ),
        E::Empty { file } if fr => format!(
            "{file} : aucune rue praticable à pied dans ce fichier. Il faut des voies OpenStreetMap (highway=…) ou des lignes de rues."
        ),
        E::Empty { file } => format!(
            "{file}: no walkable street in this file. It needs OpenStreetMap ways (highway=…) or street lines."
        ),
        E::UnknownFormat { file } if fr => format!(
            "{file} : ce n'est pas un format de rues connu. Formats lus : .osm.pbf, .osm, .osm.gz (OpenStreetMap), .geojson, .shp ou .zip (lignes)."
        ),
        E::UnknownFormat { file } => format!(
            "{file}: not a known street format. Read: .osm.pbf, .osm, .osm.gz (OpenStreetMap), .geojson, .shp or .zip (lines)."
        ),
    }
}

/// Why a street file cannot be used for a territory, in words.
pub fn streets_error(lang: Lang, e: &crate::routing::StreetsError, territory: &str) -> String {
    use crate::routing::StreetsError as E;
    match e {
        E::Network(e) => network_error(lang, e),
        E::Elsewhere { inside, units } => streets_elsewhere(lang, *inside, *units, territory),
    }
}

/// A street file that does not cover the territory.
fn streets_elsewhere(lang: Lang, inside: usize, units: usize, territory: &str) -> String {
    if lang == Lang::Fr {
        format!(
            "Ces rues ne couvrent pas le territoire : seuls {inside} quartiers sur {units} sont dans leur emprise. Prenez un extrait OpenStreetMap qui couvre « {territory} » (par exemple sur download.geofabrik.de ou avec un outil d'extraction), en longitude/latitude."
        )
    } else {
        format!(
            "These streets do not cover the territory: only {inside} of {units} units lie within them. Take an OpenStreetMap extract covering “{territory}”, in longitude/latitude."
        )
    }
}

/// Why something could not be read, in words. A library's own message (in English) is only
/// given as a technical detail after the plain reason.
pub fn reason_text(lang: Lang, r: &crate::io::report::Reason) -> String {
    use crate::io::report::Reason as R;
    let fr = lang == Lang::Fr;
    let detail = |plain: &str, d: &str| {
        if d.is_empty() {
            plain.to_string()
        } else if fr {
            format!("{plain} (détail technique, en anglais : {d})")
        } else {
            format!("{plain} (technical detail: {d})")
        }
    };
    match (r, fr) {
        (R::NotFound, true) => "le fichier n'existe pas à cet endroit ; vérifiez le chemin".into(),
        (R::NotFound, false) => "there is no file at this path; check it".into(),
        (R::PermissionDenied, true) => "accès refusé par le système ; vérifiez les droits du fichier".into(),
        (R::PermissionDenied, false) => "access denied by the system; check the file's permissions".into(),
        (R::System(d), true) => detail("erreur du système", d),
        (R::System(d), false) => detail("system error", d),
        (R::NotJson(d), true) => detail("ce n'est pas du JSON valide", d),
        (R::NotJson(d), false) => detail("this is not valid JSON", d),
        (R::NoFeatureList, true) => "une FeatureCollection doit contenir une liste « features »".into(),
        (R::NoFeatureList, false) => "a FeatureCollection needs a \"features\" list".into(),
        (R::GeoJsonStructure(d), true) => detail(
            "la géométrie ne suit pas la norme GeoJSON (un « type » et des « coordinates » imbriquées comme ce type le demande)",
            d,
        ),
        (R::GeoJsonStructure(d), false) => detail(
            "the geometry does not follow the GeoJSON standard (a \"type\" and \"coordinates\" nested as that type requires)",
            d,
        ),
        (R::NotGeoJsonType(t), true) if t.is_empty() => {
            "il manque le « type » ; GeoJSON attend « FeatureCollection », « Feature » ou un type de géométrie".into()
        }
        (R::NotGeoJsonType(t), false) if t.is_empty() => {
            "\"type\" is missing; GeoJSON expects \"FeatureCollection\", \"Feature\" or a geometry type".into()
        }
        (R::NotGeoJsonType(t), true) => format!(
            "le « type » vaut « {t} » ; GeoJSON attend « FeatureCollection », « Feature » ou un type de géométrie, avec cette casse exacte"
        ),
        (R::NotGeoJsonType(t), false) => format!(
            "\"type\" is \"{t}\"; GeoJSON expects \"FeatureCollection\", \"Feature\" or a geometry type, with this exact case"
        ),
        (R::NotANumberCoordinate, true) => "une coordonnée n'est pas un nombre".into(),
        (R::NotANumberCoordinate, false) => "a coordinate is not a number".into(),
        (R::OffEarth, true) => "des coordonnées ne sont pas des longitudes entre -180 et 180 et des latitudes entre -90 et 90".into(),
        (R::OffEarth, false) => "some coordinates are not longitudes between -180 and 180 and latitudes between -90 and 90".into(),
        (R::Csv(d), true) => detail("structure CSV illisible", d),
        (R::Csv(d), false) => detail("unreadable CSV structure", d),
        (R::NotZip(d), true) => detail("ce n'est pas une archive zip lisible", d),
        (R::NotZip(d), false) => detail("not a readable zip archive", d),
        (R::NoShpInZip, true) => "l'archive ne contient aucun fichier .shp".into(),
        (R::NoShpInZip, false) => "the archive holds no .shp file".into(),
        (R::ShpTooShort(n), true) => format!("{n} octets : un fichier .shp commence par un en-tête de 100 octets"),
        (R::ShpTooShort(n), false) => format!("{n} bytes: a .shp file starts with a 100-byte header"),
        (R::DamagedFromHere(d), true) => detail("le fichier est endommagé à partir d'ici ; les éléments précédents sont lus", d),
        (R::DamagedFromHere(d), false) => detail("the file is damaged from here on; the features before it are read", d),
        (R::DbfUnreadable(d), true) => detail("le .dbf est illisible, les attributs manquent", d),
        (R::DbfUnreadable(d), false) => detail("the .dbf cannot be read, attributes are missing", d),
        (R::RecordUnreadable(d), true) => detail("attributs illisibles", d),
        (R::RecordUnreadable(d), false) => detail("attributes unreadable", d),
        (R::Shape(d), true) => detail("forme illisible", d),
        (R::Shape(d), false) => detail("unreadable shape", d),
        (R::Projection(d), true) => detail("point impossible à convertir depuis la projection déclarée", d),
        (R::Projection(d), false) => detail("a point cannot be converted from the declared projection", d),
        (R::BadPosition(n), true) => format!("une position a {n} coordonnées au lieu de 2 nombres"),
        (R::BadPosition(n), false) => format!("a position has {n} coordinates instead of 2 numbers"),
        (R::ShortRing(n), true) => format!("un contour a {n} positions ; il en faut au moins 4"),
        (R::ShortRing(n), false) => format!("a ring has {n} positions; at least 4 are needed"),
        (R::OpenRing, true) => "un contour n'est pas fermé (sa dernière position diffère de la première)".into(),
        (R::OpenRing, false) => "a ring is not closed (its last position differs from the first)".into(),
        (R::NotInArchive(n), true) => format!("{n} ne peut pas être extrait de l'archive"),
        (R::NotInArchive(n), false) => format!("{n} cannot be extracted from the archive"),
        (R::SelfIntersection, true) => "le contour se recoupe lui-même".into(),
        (R::SelfIntersection, false) => "the outline crosses itself".into(),
        (R::TooFewPoints, true) => "un contour a moins de 3 points distincts".into(),
        (R::TooFewPoints, false) => "a ring has fewer than 3 distinct points".into(),
        (R::RingsOverlap, true) => "des trous ou des parties se chevauchent ou sortent du contour".into(),
        (R::RingsOverlap, false) => "holes or parts overlap or lie outside the outline".into(),
        (R::Topology, true) => "la forme ne peut pas être analysée".into(),
        (R::Topology, false) => "the shape's topology cannot be analysed".into(),
    }
}

/// A place in a file, as the readers name it ("feature 3", "row 12", "line 4, column 7"), in
/// the user's language; a unit's key is left as it is.
fn place_text(lang: Lang, place: &str) -> String {
    if lang == Lang::En {
        return place.to_string();
    }
    let words = [
        ("feature ", "élément "),
        ("row ", "ligne "),
        ("line ", "ligne "),
    ];
    let mut out = place.to_string();
    for (en, fr) in words {
        if let Some(rest) = out.strip_prefix(en) {
            out = format!("{fr}{rest}");
        }
    }
    out.replace(", column ", ", colonne ")
}

/// One problem of a validation report, in words: where, what, and what would be right.
pub fn problem_text(lang: Lang, p: &crate::io::report::Problem) -> String {
    use crate::io::report::{ProblemKind as K, Severity};
    let fr = lang == Lang::Fr;
    let mut at = p.file.clone();
    if let Some(place) = &p.place {
        at.push_str(", ");
        at.push_str(&place_text(lang, place));
    }
    if let Some(field) = &p.field {
        at.push_str(if fr { ", champ « " } else { ", field \"" });
        at.push_str(field);
        at.push_str(if fr { " »" } else { "\"" });
    }
    let reason_text = |r: &crate::io::report::Reason| reason_text(lang, r);
    let what = match (&p.kind, fr) {
        (K::Unreadable { reason }, true) => format!("fichier illisible : {}", reason_text(reason)),
        (K::Unreadable { reason }, false) => {
            format!("cannot read the file: {}", reason_text(reason))
        }
        (K::BadFormat { reason }, true) => format!("format incorrect : {}", reason_text(reason)),
        (K::BadFormat { reason }, false) => format!("wrong format: {}", reason_text(reason)),
        (K::UnknownProjection { declared }, true) => format!(
            "projection inconnue « {declared} » : rien n'est deviné ; utilisez Lambert-93 (EPSG:2154), une zone CC (EPSG:3942 à 3950), WGS84 (EPSG:4326), Web Mercator (EPSG:3857) ou UTM"
        ),
        (K::UnknownProjection { declared }, false) => format!(
            "unknown projection \"{declared}\": nothing is guessed; use Lambert-93 (EPSG:2154), a CC zone (EPSG:3942-3950), WGS84 (EPSG:4326), Web Mercator (EPSG:3857) or UTM"
        ),
        (K::ProjectedWithoutCrs { x, y }, true) if p.field.as_deref() == Some(".prj") => format!(
            "les coordonnées ({x}, {y}) ne sont pas des longitudes/latitudes et il manque le fichier .prj qui dit la projection : joignez-le (même nom, extension .prj) ou exportez en WGS84"
        ),
        (K::ProjectedWithoutCrs { x, y }, false) if p.field.as_deref() == Some(".prj") => format!(
            "coordinates ({x}, {y}) are not longitudes/latitudes and the .prj file that gives the projection is missing: add it (same name, .prj extension) or export in WGS84"
        ),
        (K::ProjectedWithoutCrs { x, y }, true) => format!(
            "les coordonnées ({x}, {y}) ne sont pas des longitudes/latitudes et le fichier ne dit pas sa projection : ajoutez un membre « crs » (par exemple EPSG:2154) ou exportez en WGS84"
        ),
        (K::ProjectedWithoutCrs { x, y }, false) => format!(
            "coordinates ({x}, {y}) are not longitudes/latitudes and the file does not say its projection: add a \"crs\" member (e.g. EPSG:2154) or export in WGS84"
        ),
        (K::OutsideProjectionArea { lon, lat, area }, _) => {
            let area = match (area.as_str(), fr) {
                ("france", true) => "la France métropolitaine",
                ("france", false) => "metropolitan France",
                ("utm-north" | "utm-south", true) => "sa zone UTM",
                ("utm-north" | "utm-south", false) => "its UTM zone",
                (_, true) => "la région de son origine",
                (_, false) => "the region around its origin",
            };
            if fr {
                format!(
                    "les coordonnées, converties depuis la projection déclarée, tombent en longitude {lon:.2}, latitude {lat:.2}, hors de {area} où cette projection s'emploie : le fichier est sans doute dans une autre projection que celle qu'il annonce (vérifiez le .prj ou le membre « crs »)"
                )
            } else {
                format!(
                    "converted from the declared projection, the coordinates land at longitude {lon:.2}, latitude {lat:.2}, outside {area} where that projection is used: the file is most likely in another projection than it declares (check the .prj or the \"crs\" member)"
                )
            }
        }
        (K::NullGeometry, true) => "pas de géométrie : élément ignoré".into(),
        (K::NullGeometry, false) => "no geometry: feature left out".into(),
        (K::BrokenGeometry { reason }, true) => {
            format!(
                "géométrie illisible, élément ignoré : {}",
                reason_text(reason)
            )
        }
        (K::BrokenGeometry { reason }, false) => {
            format!(
                "unreadable geometry, feature left out: {}",
                reason_text(reason)
            )
        }
        (K::RepairedGeometry { reason }, true) => {
            format!(
                "polygone invalide ({}), réparé automatiquement",
                reason_text(reason)
            )
        }
        (K::RepairedGeometry { reason }, false) => {
            format!("invalid polygon ({}), repaired", reason_text(reason))
        }
        (K::InvalidGeometry { reason }, true) => {
            format!(
                "polygone invalide et irréparable ({}) : élément ignoré",
                reason_text(reason)
            )
        }
        (K::InvalidGeometry { reason }, false) => {
            format!(
                "invalid polygon that cannot be repaired ({}): left out",
                reason_text(reason)
            )
        }
        (K::NotAnArea { found }, true) => format!(
            "une surface (polygone) était attendue, pas un objet de type {found} : élément ignoré"
        ),
        (K::NotAnArea { found }, false) => {
            format!("an area (polygon) was expected, not a {found}: left out")
        }
        (K::MissingField { available }, true) => format!(
            "colonne absente ; colonnes disponibles : {}",
            available.join(", ")
        ),
        (K::MissingField { available }, false) => format!(
            "column missing; available columns: {}",
            available.join(", ")
        ),
        (K::NotANumber { value }, true) => {
            format!("« {value} » n'est pas un nombre : valeur inconnue")
        }
        (K::NotANumber { value }, false) => format!("\"{value}\" is not a number: value unknown"),
        (K::AbsurdValue { value, expected }, true) => {
            format!("valeur {value} impossible (attendu : {expected}) : valeur inconnue")
        }
        (K::AbsurdValue { value, expected }, false) => {
            format!("impossible value {value} (expected: {expected}): value unknown")
        }
        (K::DuplicateId { id }, true) => {
            format!("identifiant « {id} » en double : seul le premier est gardé")
        }
        (K::DuplicateId { id }, false) => {
            format!("identifier \"{id}\" appears twice: only the first is kept")
        }
        (K::MergedDuplicate { id }, true) => format!(
            "« {id} » figure deux fois avec la même forme : les deux lignes sont réunies et leurs élèves additionnés"
        ),
        (K::MergedDuplicate { id }, false) => format!(
            "\"{id}\" appears twice with the same shape: the rows are merged and their pupils added"
        ),
        (K::Unmatched { key, table }, true) => format!("« {key} » introuvable dans {table}"),
        (K::Unmatched { key, table }, false) => format!("\"{key}\" not found in {table}"),
        (K::BadUai { value }, true) if value.is_empty() => "collège sans code UAI : ignoré".into(),
        (K::BadUai { value }, false) if value.is_empty() => {
            "collège without a UAI code: left out".into()
        }
        (K::BadUai { value }, true) => format!(
            "« {value} » n'est pas un code UAI (7 caractères et une lettre, ex. 0590057S) : ignoré"
        ),
        (K::BadUai { value }, false) => format!(
            "\"{value}\" is not a UAI code (7 characters and a letter, e.g. 0590057S): left out"
        ),
        (K::OutsideSectors, true) => {
            "en dehors de tout secteur : sans collège dans la carte actuelle".into()
        }
        (K::OutsideSectors, false) => "outside every sector: no collège in the current map".into(),
        (K::SplitUnit { chosen, share }, true) => format!(
            "à cheval sur plusieurs secteurs : rattaché à {chosen}, qui en couvre {:.0} %",
            share * 100.0
        ),
        (K::SplitUnit { chosen, share }, false) => format!(
            "straddles sectors: given to {chosen}, which covers {:.0} % of it",
            share * 100.0
        ),
        (K::PlacedInSector { uai }, true) => format!(
            "collège {uai} sans coordonnées dans les tables : placé à l'intérieur de son secteur (position approximative)"
        ),
        (K::PlacedInSector { uai }, false) => format!(
            "collège {uai} has no coordinates in the tables: placed inside its sector (approximate position)"
        ),
        (K::IpsEstimated { colleges, rmse }, true) => format!(
            "IPS des îlots estimé d'après les catégories sociales du recensement, calé sur l'IPS publié de {colleges} collèges (écart quadratique moyen {rmse:.1} points) : valeurs marquées « estimé »"
        ),
        (K::IpsEstimated { colleges, rmse }, false) => format!(
            "units' IPS estimated from census social categories, calibrated on the published IPS of {colleges} collèges (root mean square error {rmse:.1} points): values marked \"estimated\""
        ),
        (K::NotReadHere { refusal }, _) => departement::refusal_text(lang, refusal),
    };
    let tag = match (p.severity, fr) {
        (Severity::Fatal, true) => "ERREUR",
        (Severity::Fatal, false) => "ERROR",
        (Severity::Skipped, true) => "ignoré",
        (Severity::Skipped, false) => "skipped",
        (Severity::Note, _) => "note",
    };
    format!("[{tag}] {at} : {what}")
}

/// The words of everything printed or exported for the public: the social-mix chart, the map
/// picture, the PDF handout and the public table.
#[allow(missing_docs)]
pub struct PublicTexts {
    pub chart_title_groups: &'static str,
    pub chart_title_boursiers: &'static str,
    pub chart_subtitle: &'static str,
    pub before_short: &'static str,
    pub after_short: &'static str,
    pub changed_mark: &'static str,
    pub not_known: &'static str,
    pub boursiers: &'static str,
    pub not_boursiers: &'static str,
    pub hidden: fn(f64) -> String,
    pub handout_title: &'static str,
    pub scenario: &'static str,
    pub author: &'static str,
    pub no_author: &'static str,
    pub dated: &'static str,
    pub compared_with: &'static str,
    pub map_heading: &'static str,
    pub map_caption: &'static str,
    pub changes_heading: &'static str,
    pub changes_none: &'static str,
    pub units_change: fn(usize) -> String,
    pub pupils_concerned: fn(Lang, Option<f64>) -> String,
    pub indices_heading: &'static str,
    pub index_entropy: &'static str,
    pub index_boursiers: &'static str,
    pub index_disadvantaged: &'static str,
    pub index_lower_better: &'static str,
    pub colleges_heading: &'static str,
    pub of_100: &'static str,
    pub pupils: &'static str,
    pub fewer_than: fn(f64) -> String,
    pub ips: &'static str,
    pub ips_estimated: &'static str,
    pub much_less: &'static str,
    pub much_more: &'static str,
    pub average: &'static str,
    pub band: &'static str,
    pub filled: &'static str,
    pub capacity_unknown: &'static str,
    pub walk: &'static str,
    pub minutes: &'static str,
    pub before_was: &'static str,
    pub private_colleges: &'static str,
    pub notes_heading: &'static str,
    pub sources_heading: &'static str,
    pub no_sources: &'static str,
    pub est_fictional: &'static str,
    pub est_ips: &'static str,
    pub est_walk_straight: &'static str,
    /// Said when pupil counts are estimates.
    pub est_pupils: &'static str,
    /// The row of the IPS spread in the handout.
    pub index_ips_spread: &'static str,
    pub walk_streets: &'static str,
    pub privacy: fn(f64) -> String,
    pub made_with: &'static str,
    pub page: &'static str,
    pub table_header: &'static str,
}

/// The public words in one language.
pub fn public_texts(lang: Lang) -> &'static PublicTexts {
    match lang {
        Lang::Fr => &PUBLIC_FR,
        Lang::En => &PUBLIC_EN,
    }
}

fn pupils_concerned_fr(lang: Lang, n: Option<f64>) -> String {
    match n {
        Some(n) => format!("{} élèves concernés", number(lang, n, 0)),
        None => "moins de 5 élèves concernés".into(),
    }
}

fn pupils_concerned_en(lang: Lang, n: Option<f64>) -> String {
    match n {
        Some(n) => format!("{} pupils concerned", number(lang, n, 0)),
        None => "fewer than 5 pupils concerned".into(),
    }
}

static PUBLIC_FR: PublicTexts = PublicTexts {
    chart_title_groups: "Sur 100 élèves de chaque collège, combien de chaque milieu social",
    chart_title_boursiers: "Sur 100 élèves de chaque collège, combien de boursiers",
    chart_subtitle: "Pour chaque collège : la carte actuelle (avant) au-dessus de la proposition (après).",
    before_short: "avant",
    after_short: "après",
    changed_mark: "secteur modifié",
    not_known: "inconnu",
    boursiers: "boursiers",
    not_boursiers: "non boursiers",
    hidden: |t| format!("non communiqué (moins de {t:.0} élèves)"),
    handout_title: "Proposition de sectorisation des collèges",
    scenario: "Scénario",
    author: "Auteur",
    no_author: "non renseigné",
    dated: "Date",
    compared_with: "Comparé à la carte actuelle",
    map_heading: "Les secteurs proposés",
    map_caption: "Chaque couleur est le secteur d’un collège (point noir). Un point blanc marque un îlot qui change de collège.",
    changes_heading: "Ce qui change",
    changes_none: "Aucun îlot ne change de collège : c’est la carte actuelle.",
    units_change: |n| {
        if n == 1 {
            "1 îlot change de collège".into()
        } else {
            format!("{n} îlots changent de collège")
        }
    },
    pupils_concerned: pupils_concerned_fr,
    indices_heading: "La mixité sur tout le territoire",
    index_entropy: "Séparation sociale entre collèges (0 : chaque collège ressemble au territoire ; 100 : milieux totalement séparés)",
    index_boursiers: "Part des boursiers qui devraient changer de collège pour être répartis également",
    index_disadvantaged: "Part des élèves très défavorisés qui devraient changer de collège pour être répartis également",
    index_lower_better: "Plus le chiffre est bas, plus les collèges sont mélangés.",
    colleges_heading: "Collège par collège",
    of_100: "Sur 100 élèves",
    pupils: "élèves",
    fewer_than: |t| format!("moins de {t:.0} élèves"),
    ips: "Position sociale moyenne (IPS)",
    ips_estimated: "estimé",
    much_less: "bien moins favorisé",
    much_more: "bien plus favorisé",
    average: "moyenne du territoire",
    band: "zone verte : à moins de 20 % de la moyenne",
    filled: "Rempli à",
    capacity_unknown: "capacité inconnue",
    walk: "à pied en moyenne",
    minutes: "min",
    before_was: "avant",
    private_colleges: "Collèges privés (sans secteur) : ils recrutent librement ; leurs chiffres sont donnés pour comparaison.",
    notes_heading: "L’intention du scénario",
    sources_heading: "Sources et méthode",
    no_sources: "Sources non renseignées.",
    est_fictional: "Territoire fictif : ces chiffres ne décrivent aucune ville réelle.",
    est_ips: "Certains IPS sont estimés (d’après les catégories sociales du recensement, ou d’après les écoles).",
    est_pupils: "Les effectifs par commune ou par îlot sont estimés (d’après les écoles).",
    index_ips_spread: "Écart d’IPS entre collèges publics, en points (0 : tous les collèges au même IPS)",
    est_walk_straight: "Les temps de marche sont estimés à vol d’oiseau multiplié par un détour, et non le long des rues.",
    walk_streets: "Les temps de marche sont calculés le long des rues.",
    privacy: |t| {
        format!(
            "Confidentialité : aucun effectif de moins de {t:.0} élèves n’est publié, ni aucune part qui permettrait de le retrouver."
        )
    },
    made_with: "Document réalisé avec Carte Mixité le",
    page: "page",
    table_header: "collège,secteur,élèves avant,élèves après,remplissage avant (%),remplissage après (%),IPS avant,IPS après,boursiers sur 100 avant,boursiers sur 100 après,minutes à pied avant,minutes à pied après,secteur modifié",
};

static PUBLIC_EN: PublicTexts = PublicTexts {
    chart_title_groups: "Out of 100 pupils of each collège, how many from each social background",
    chart_title_boursiers: "Out of 100 pupils of each collège, how many boursiers (grant holders)",
    chart_subtitle: "For each collège: the current map (before) above the proposal (after).",
    before_short: "before",
    after_short: "after",
    changed_mark: "sector changed",
    not_known: "unknown",
    boursiers: "boursiers (grant holders)",
    not_boursiers: "others",
    hidden: |t| format!("not shown (fewer than {t:.0} pupils)"),
    handout_title: "Proposed collège catchment sectors",
    scenario: "Scenario",
    author: "Author",
    no_author: "not given",
    dated: "Date",
    compared_with: "Compared with the current map",
    map_heading: "The proposed sectors",
    map_caption: "Each colour is one collège's sector (black dot). A white dot marks a block that changes collège.",
    changes_heading: "What changes",
    changes_none: "No block changes collège: this is the current map.",
    units_change: |n| {
        if n == 1 {
            "1 block changes collège".into()
        } else {
            format!("{n} blocks change collège")
        }
    },
    pupils_concerned: pupils_concerned_en,
    indices_heading: "Social mix across the territory",
    index_entropy: "Social separation between collèges (0: every collège looks like the territory; 100: backgrounds fully apart)",
    index_boursiers: "Share of boursiers who would have to change collège for an even spread",
    index_disadvantaged: "Share of the most disadvantaged pupils who would have to change collège for an even spread",
    index_lower_better: "The lower the figure, the more mixed the collèges.",
    colleges_heading: "Collège by collège",
    of_100: "Out of 100 pupils",
    pupils: "pupils",
    fewer_than: |t| format!("fewer than {t:.0} pupils"),
    ips: "Average social position (IPS)",
    ips_estimated: "estimated",
    much_less: "much less favoured",
    much_more: "much more favoured",
    average: "territory average",
    band: "green band: within 20 % of the average",
    filled: "Filled to",
    capacity_unknown: "capacity unknown",
    walk: "walk on average",
    minutes: "min",
    before_was: "before",
    private_colleges: "Private collèges (no sector): they recruit freely; their figures are given for comparison.",
    notes_heading: "What the scenario intends",
    sources_heading: "Sources and method",
    no_sources: "Sources not given.",
    est_fictional: "Invented territory: these figures describe no real town.",
    est_ips: "Some IPS values are estimated (from the census's social categories, or from the écoles).",
    est_pupils: "Pupil counts per commune or block are estimated (from the écoles).",
    index_ips_spread: "Spread of IPS between public collèges, in points (0: every collège at the same IPS)",
    est_walk_straight: "Walking times are estimated as the straight line times a detour factor, not along the streets.",
    walk_streets: "Walking times are computed along the streets.",
    privacy: |t| {
        format!(
            "Confidentiality: no count of fewer than {t:.0} pupils is published, nor any share that would reveal one."
        )
    },
    made_with: "Made with Carte Mixité on",
    page: "page",
    table_header: "collège,sector,pupils before,pupils after,filled before (%),filled after (%),IPS before,IPS after,boursiers of 100 before,boursiers of 100 after,walk minutes before,walk minutes after,sector changed",
};

/// A social group's name as the interface writes it inside a sentence: the DEPP groups in the
/// language, any other name (from the data) as it is, in lower case.
pub fn group_name(lang: Lang, name: &str) -> String {
    let depp = [
        ("Très favorisée", "very favoured"),
        ("Favorisée", "favoured"),
        ("Moyenne", "middle"),
        ("Défavorisée", "disadvantaged"),
    ];
    match (lang, depp.iter().find(|(fr, _)| *fr == name)) {
        (Lang::En, Some((_, en))) => (*en).to_string(),
        _ => name.to_lowercase(),
    }
}

/// The words of the assistant window.
#[allow(missing_docs)]
pub struct AssistantTexts {
    pub button: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub index_heading: &'static str,
    pub index_entropy: &'static str,
    pub index_boursiers: &'static str,
    pub index_disadvantaged: &'static str,
    pub unknown_here: &'static str,
    pub constraints_heading: &'static str,
    pub capacity: &'static str,
    pub and: &'static str,
    pub walk_increase: &'static str,
    pub walk_max: &'static str,
    pub moved_max: &'static str,
    pub contiguous: &'static str,
    pub schools: fn(usize) -> String,
    pub schools_unknown: &'static str,
    pub schools_unknown_hint: &'static str,
    pub school_move: fn(&str, usize) -> String,
    pub blocks: fn(usize) -> String,
    pub show_on_map: &'static str,
    pub preview_banner: fn(usize, &str) -> String,
    pub preview_hint: &'static str,
    pub preview_word: &'static str,
    pub locked_note: fn(usize, usize) -> String,
    pub seconds: &'static str,
    pub run: &'static str,
    pub stop: &'static str,
    pub phase_greedy: &'static str,
    pub phase_annealing: &'static str,
    pub phase_polish: &'static str,
    pub best_so_far: &'static str,
    pub result_heading: &'static str,
    pub index_line: &'static str,
    pub first_after: &'static str,
    pub moved_line: fn(usize, &str) -> String,
    pub walk_line: &'static str,
    pub nothing_found: &'static str,
    pub moves_heading: &'static str,
    pub gain_hint: &'static str,
    pub pupils: &'static str,
    pub check_all: &'static str,
    pub check_none: &'static str,
    pub accept: fn(usize) -> String,
    pub accepted: fn(&str, usize, usize) -> String,
    pub stale: fn(usize) -> String,
    pub scenario_name: &'static str,
    pub notes: fn(&str, &str) -> String,
    pub index_unknown: &'static str,
    pub nothing_movable: &'static str,
}

const ASSISTANT_FR: AssistantTexts = AssistantTexts {
    button: "Assistant…",
    title: "Assistant : proposer une carte plus mélangée",
    intro: "L’assistant cherche, en déplaçant des îlots en bordure de secteur, une carte où les milieux sociaux sont plus mélangés, en respectant vos limites. Sa proposition devient un nouveau scénario : vous choisissez les changements à garder.",
    index_heading: "Indice à faire baisser (sur 100, 0 = mélange parfait)",
    index_entropy: "Entropie H (tous les milieux sociaux)",
    index_boursiers: "Dissimilarité des boursiers",
    index_disadvantaged: "Dissimilarité des élèves défavorisés",
    unknown_here: "inconnu ici",
    constraints_heading: "Limites à respecter",
    capacity: "Chaque collège rempli entre",
    and: "et",
    walk_increase: "Trajet à pied allongé d’au plus (m)",
    walk_max: "Trajet à pied d’au plus (m)",
    moved_max: "Élèves qui changent de collège, au plus",
    contiguous: "Garder chaque secteur d’un seul tenant",
    schools: |n| {
        format!(
            "Garder les écoles entières (les îlots d’une même école vont au même collège ; {n} écoles)"
        )
    },
    schools_unknown: "Garder les écoles entières",
    schools_unknown_hint: "Les données de ce territoire ne disent pas de quelle école relève chaque îlot. À l’import, choisissez la colonne « École » pour pouvoir garder les écoles entières.",
    school_move: |school, n| format!("{school}, {n} îlots"),
    blocks: |n| format!("{n} îlots"),
    show_on_map: "Montrer sur la carte",
    preview_banner: |n, pupils| {
        format!(
            "Aperçu de l’assistant : {n} îlots (entourés en orange) changeraient de collège, {pupils} élèves. Rien n’est encore changé."
        )
    },
    preview_word: "Aperçu de l’assistant",
    preview_hint: "Pour modifier la carte, fermez l’assistant ou décochez « Montrer sur la carte ».",
    locked_note: |u, c| {
        format!(
            "Les {u} îlots et {c} collèges verrouillés, les collèges privés ou fermés et les îlots partagés ne bougent pas."
        )
    },
    seconds: "Durée de la recherche (s)",
    run: "Lancer la recherche",
    stop: "Arrêter et garder la meilleure carte",
    phase_greedy: "Première proposition…",
    phase_annealing: "Recherche d’une meilleure carte…",
    phase_polish: "Finitions…",
    best_so_far: "Meilleure carte trouvée",
    result_heading: "Proposition",
    index_line: "Indice (sur 100)",
    first_after: "première proposition en",
    moved_line: |units, pupils| format!("{units} îlots changent de collège · {pupils} élèves"),
    walk_line: "Trajet moyen des élèves déplacés",
    nothing_found: "Aucun déplacement ne fait baisser l’indice dans ces limites : essayez des limites plus larges.",
    moves_heading: "Changements proposés (les plus utiles d’abord)",
    gain_hint: "Baisse de l’indice (sur 100) due à ce seul changement",
    pupils: "élèves",
    check_all: "Tout cocher",
    check_none: "Tout décocher",
    accept: |n| format!("Créer le scénario avec les {n} changements cochés"),
    accepted: |name, n, skipped| {
        let mut s = format!(
            "Scénario « {name} » créé : {n} îlots changent de collège (Ctrl+Z pour annuler)."
        );
        if skipped > 0 {
            s.push_str(&format!(
                " {skipped} changements ignorés : la carte avait changé depuis la recherche."
            ));
        }
        s
    },
    stale: |n| {
        format!("La carte a changé depuis la recherche : {n} changements ne s’appliquent plus.")
    },
    scenario_name: "Proposition de l’assistant",
    notes: |index, limits| {
        format!("Proposé par l’assistant pour baisser : {index}. Limites : {limits}.")
    },
    index_unknown: "Cet indice est inconnu pour ce territoire : ses données n’ont pas les effectifs nécessaires. Choisissez un autre indice.",
    nothing_movable: "Aucun îlot ne peut changer de collège : tout est verrouillé, fermé ou privé.",
};

const ASSISTANT_EN: AssistantTexts = AssistantTexts {
    button: "Assistant…",
    title: "Assistant: propose a better-mixed map",
    intro: "The assistant moves blocks at the edges of sectors to find a map where social groups are more mixed, within your limits. Its proposal becomes a new scenario: you choose which changes to keep.",
    index_heading: "Index to lower (out of 100, 0 = perfectly mixed)",
    index_entropy: "Entropy H (every social group)",
    index_boursiers: "Dissimilarity of boursiers",
    index_disadvantaged: "Dissimilarity of disadvantaged pupils",
    unknown_here: "unknown here",
    constraints_heading: "Limits",
    capacity: "Every collège filled between",
    and: "and",
    walk_increase: "Walk longer by at most (m)",
    walk_max: "Walk of at most (m)",
    moved_max: "Pupils changing collège, at most",
    contiguous: "Keep every sector in one piece",
    schools: |n| {
        format!("Keep écoles whole (the blocks of one école go to the same collège; {n} écoles)")
    },
    schools_unknown: "Keep écoles whole",
    schools_unknown_hint: "This territory's data does not say which école each block belongs to. When importing, choose the “School” column to keep écoles whole.",
    school_move: |school, n| format!("{school}, {n} blocks"),
    blocks: |n| format!("{n} blocks"),
    show_on_map: "Show on the map",
    preview_banner: |n, pupils| {
        format!(
            "Assistant preview: {n} blocks (outlined in orange) would change collège, {pupils} pupils. Nothing is changed yet."
        )
    },
    preview_word: "Assistant preview",
    preview_hint: "To edit the map, close the assistant or untick “Show on the map”.",
    locked_note: |u, c| {
        format!(
            "The {u} locked blocks and {c} locked collèges, private or closed collèges and shared blocks stay as they are."
        )
    },
    seconds: "Search time (s)",
    run: "Start the search",
    stop: "Stop and keep the best map",
    phase_greedy: "First proposal…",
    phase_annealing: "Looking for a better map…",
    phase_polish: "Finishing…",
    best_so_far: "Best map found",
    result_heading: "Proposal",
    index_line: "Index (out of 100)",
    first_after: "first proposal after",
    moved_line: |units, pupils| format!("{units} blocks change collège · {pupils} pupils"),
    walk_line: "Mean walk of the pupils moved",
    nothing_found: "No move lowers the index within these limits: try wider limits.",
    moves_heading: "Proposed changes (most useful first)",
    gain_hint: "How much this change alone lowers the index (out of 100)",
    pupils: "pupils",
    check_all: "Check all",
    check_none: "Uncheck all",
    accept: |n| format!("Create the scenario with the {n} checked changes"),
    accepted: |name, n, skipped| {
        let mut s =
            format!("Scenario “{name}” created: {n} blocks change collège (Ctrl+Z to undo).");
        if skipped > 0 {
            s.push_str(&format!(
                " {skipped} changes skipped: the map changed since the search."
            ));
        }
        s
    },
    stale: |n| format!("The map changed since the search: {n} changes no longer apply."),
    scenario_name: "Assistant's proposal",
    notes: |index, limits| {
        format!("Proposed by the assistant to lower: {index}. Limits: {limits}.")
    },
    index_unknown: "This index is unknown for this territory: its data lacks the counts it needs. Choose another index.",
    nothing_movable: "No block can change collège: everything is locked, closed or private.",
};

/// The assistant window's words.
pub fn assistant_texts(lang: Lang) -> &'static AssistantTexts {
    match lang {
        Lang::Fr => &ASSISTANT_FR,
        Lang::En => &ASSISTANT_EN,
    }
}

/// The words of the shared-sectors window.
#[allow(missing_docs)]
pub struct SharedTexts {
    pub button: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub new_heading: &'static str,
    pub pick_colleges: &'static str,
    pub alternating: &'static str,
    pub alternating_help: &'static str,
    pub first_year: &'static str,
    pub lottery: &'static str,
    pub lottery_help: &'static str,
    pub seats: &'static str,
    pub appeal: &'static str,
    pub reserve: &'static str,
    pub spread: &'static str,
    pub runs: &'static str,
    pub pick_two: &'static str,
    pub create: &'static str,
    pub blocks: &'static str,
    pub cycle_heading: &'static str,
    pub pupils: &'static str,
    pub boursiers: &'static str,
    pub intake: &'static str,
    pub lottery_summary: fn(u32, usize, &str) -> String,
    pub odds_heading: &'static str,
    pub no_place: &'static str,
    pub hidden: &'static str,
    pub created: fn(&str, usize) -> String,
}

const SHARED_FR: SharedTexts = SharedTexts {
    button: "Secteurs partagés…",
    title: "Secteurs partagés entre plusieurs collèges",
    intro: "Un secteur partagé réunit les secteurs de plusieurs collèges sous une règle commune, comme à Paris. Les cartes et les indicateurs montrent la moyenne attendue ; ici, ce que la règle donne vraiment.",
    new_heading: "Nouveau secteur partagé",
    pick_colleges: "Collèges dont les secteurs sont réunis :",
    alternating: "Montée alternée : chaque année, toute la 6e va dans un collège, puis dans l’autre",
    alternating_help: "Les élèves déjà entrés restent dans leur collège ; la composition change d’une année à l’autre.",
    first_year: "Première rentrée de la règle",
    lottery: "Affectation par algorithme : les familles classent les collèges, des places sont réservées aux boursiers",
    lottery_help: "Acceptation différée (les familles proposent, chaque collège garde les meilleurs rangs : d’abord les boursiers sur les places réservées, puis un tirage au sort). Les classements suivent la distance à pied, plus une part de goût personnel. Simulé de nombreuses fois.",
    seats: "places en 6e",
    appeal: "· attrait pour les familles (en km de marche acceptés en plus)",
    reserve: "Places réservées aux boursiers",
    spread: "Part du goût personnel (en km de marche)",
    runs: "Années simulées",
    pick_two: "Choisissez au moins deux collèges.",
    create: "Créer le secteur partagé",
    blocks: "îlots",
    cycle_heading: "Chaque collège, année par année (les 4 premières rentrées) :",
    pupils: "élèves",
    boursiers: "boursiers",
    intake: "entrées en 6e par an",
    lottery_summary: |runs, families, reserve| {
        format!(
            "{runs} années simulées, {families} familles par an, {reserve} % des places réservées aux boursiers. Entrées attendues en 6e :"
        )
    },
    odds_heading: "Chances d’une famille selon son îlot :",
    no_place: "sans place",
    hidden: "moins de 5 élèves : non affiché",
    created: |name, units| {
        format!("Secteur partagé « {name} » créé : {units} îlots (Ctrl+Z pour annuler).")
    },
};

const SHARED_EN: SharedTexts = SharedTexts {
    button: "Shared sectors…",
    title: "Sectors shared between several collèges",
    intro: "A shared sector merges the sectors of several collèges under one rule, as in Paris. Maps and indicators show the expected average; here is what the rule really gives.",
    new_heading: "New shared sector",
    pick_colleges: "Collèges whose sectors are merged:",
    alternating: "Montée alternée: each year the whole 6e goes to one collège, then to the other",
    alternating_help: "Pupils already in stay in their collège; the make-up changes from year to year.",
    first_year: "First school year of the rule",
    lottery: "Algorithmic assignment: families rank the collèges, some seats are reserved for boursiers",
    lottery_help: "Deferred acceptance (families propose, each collège keeps the best ranks: boursiers first on reserved seats, then a lottery). Rankings follow walking distance plus some personal taste. Simulated many times.",
    seats: "6e seats",
    appeal: "· appeal to families (extra km of walk they would accept)",
    reserve: "Seats reserved for boursiers",
    spread: "Weight of personal taste (km of walk)",
    runs: "Simulated years",
    pick_two: "Pick at least two collèges.",
    create: "Create the shared sector",
    blocks: "blocks",
    cycle_heading: "Each collège, year by year (the first 4 school years):",
    pupils: "pupils",
    boursiers: "boursiers",
    intake: "6e entrants a year",
    lottery_summary: |runs, families, reserve| {
        format!(
            "{runs} simulated years, {families} families a year, {reserve} % of seats reserved for boursiers. Expected 6e intake:"
        )
    },
    odds_heading: "A family's odds by block:",
    no_place: "no place",
    hidden: "fewer than 5 pupils: not shown",
    created: |name, units| {
        format!("Shared sector “{name}” created: {units} blocks (Ctrl+Z to undo).")
    },
};

/// The shared-sectors window's words.
pub fn shared_texts(lang: Lang) -> &'static SharedTexts {
    match lang {
        Lang::Fr => &SHARED_FR,
        Lang::En => &SHARED_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_depp_groups_are_named_in_english_and_other_names_kept() {
        assert_eq!(group_name(Lang::En, "Très favorisée"), "very favoured");
        assert_eq!(group_name(Lang::Fr, "Très favorisée"), "très favorisée");
        assert_eq!(group_name(Lang::En, "Cadres"), "cadres");
    }

    #[test]
    fn numbers_are_written_the_french_way_by_default() {
        assert_eq!(number(Lang::Fr, 1507.34, 1), "1\u{202f}507,3");
        assert_eq!(number(Lang::En, 1507.34, 1), "1,507.3");
        assert_eq!(number(Lang::Fr, -3.0, 0), "−3");
        assert_eq!(number(Lang::Fr, -0.01, 0), "0");
    }

    #[test]
    fn changes_carry_an_arrow_and_a_sign() {
        assert_eq!(change(Lang::Fr, 3.25, 1), "▲ +3,2");
        assert_eq!(change(Lang::Fr, -1.0, 1), "▼ −1,0");
        assert_eq!(change(Lang::Fr, 0.01, 1), "= inchangé");
    }
}
