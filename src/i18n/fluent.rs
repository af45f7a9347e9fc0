//! The Fluent resources: one bundle per language, built once from the embedded `.ftl` files;
//! a message missing in a language is taken from French. Numbers are written by
//! [`super::number`], so "1 234,5" in French and "1,234.5" in English.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The resource files of a language folder; every language has the same files.
macro_rules! language {
    ($code:literal) => {
        (
            $code,
            [
                include_str!(concat!("../../assets/i18n/", $code, "/main.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/public.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/assistant.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/shared.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/departement.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/indicators.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/meeting.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/common.ftl")),
                include_str!(concat!("../../assets/i18n/", $code, "/reports.ftl")),
            ],
        )
    };
}

/// The names of a language folder's files, in the order of [`LANGUAGES`].
pub const FILES: [&str; 9] = [
    "main.ftl",
    "public.ftl",
    "assistant.ftl",
    "shared.ftl",
    "departement.ftl",
    "indicators.ftl",
    "meeting.ftl",
    "common.ftl",
    "reports.ftl",
];

/// Every language's code and resources, in the order of [`Lang::ALL`]: one line a language.
pub const LANGUAGES: [(&str, [&str; 9]); 2] = [language!("fr"), language!("en")];

/// A language's words: its own bundle, and French for what it lacks.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// Numbers are written as in this language.
    numbers: Lang,
}

impl Catalog {
    /// A catalog of `.ftl` texts in a language (its code, e.g. "fr"), numbers written as in
    /// `numbers`. Returns the syntax errors, with the file they are in.
    pub fn new(code: &str, texts: &[(&str, &str)], numbers: Lang) -> Result<Catalog, String> {
        let (catalog, errors) = Catalog::build(code, texts, numbers);
        match errors.is_empty() {
            true => Ok(catalog),
            false => Err(errors.join("\n")),
        }
    }

    /// A catalog of what parses, and the errors of the rest.
    fn build(code: &str, texts: &[(&str, &str)], numbers: Lang) -> (Catalog, Vec<String>) {
        let mut errors = Vec::new();
        let id = code.parse().unwrap_or_else(|_| {
            errors.push(format!("« {code} » is not a language code"));
            unic_langid::LanguageIdentifier::default()
        });
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // egui would show the isolation marks around arguments as boxes
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(write_number));
        for (file, text) in texts {
            let resource = match FluentResource::try_new(text.to_string()) {
                Ok(r) => r,
                Err((r, e)) => {
                    errors.push(format!("{code}/{file}: {e:?}"));
                    r
                }
            };
            if let Err(e) = bundle.add_resource(resource) {
                errors.push(format!("{code}/{file}: {e:?}"));
            }
        }
        (Catalog { bundle, numbers }, errors)
    }

    /// A language folder read from the disk (a translation being started).
    pub fn from_folder(dir: &std::path::Path, numbers: Lang) -> Result<Catalog, String> {
        let code = dir
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a language folder", dir.display()))?;
        let mut texts = Vec::new();
        for file in FILES {
            // a file not translated yet: its messages come from French
            if let Ok(text) = std::fs::read_to_string(dir.join(file)) {
                texts.push((file, text));
            }
        }
        let texts: Vec<(&str, &str)> = texts.iter().map(|(f, t)| (*f, t.as_str())).collect();
        Catalog::new(code, &texts, numbers)
    }

    /// Whether the catalog has this message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Every message id of a language's texts, file by file.
    pub fn ids_of(texts: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut ids = Vec::new();
        for (file, text) in texts {
            let Ok(resource) = FluentResource::try_new(text.to_string()) else {
                continue;
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push((file.to_string(), m.id.name.to_string()));
                }
            }
        }
        ids
    }

    /// A message with its arguments, or None when the catalog lacks it.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.value());
        }
        let mut errors = Vec::new();
        // numbers are written as in this catalog's language, and as before once it is done (a
        // number's separators may themselves be messages)
        let before = WRITING.replace(self.numbers);
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        WRITING.set(before);
        Some(text)
    }

    /// The language numbers are written in.
    pub fn numbers(&self) -> Lang {
        self.numbers
    }
}

/// An argument of a message: text, or a number (written in the language, and chosen on by
/// plural rules).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text as it is.
    Text(String),
    /// A number.
    Number(f64),
}

impl Arg {
    fn value(&self) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(x) => FluentValue::from(*x),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<f64> for Arg {
    fn from(x: f64) -> Self {
        Arg::Number(x)
    }
}

thread_local! {
    /// The language whose numbers the message being formatted writes.
    static WRITING: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::Fr) };
}

/// Writes Fluent's numbers as [`super::number`] does in the language of the message being
/// formatted (no decimals unless the message asks with `NUMBER($x, maximumFractionDigits: 1)`).
fn write_number(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let decimals = n
                .options
                .maximum_fraction_digits
                .or(n.options.minimum_fraction_digits)
                .unwrap_or(0);
            Some(super::number(WRITING.get(), n.value, decimals))
        }
        _ => None,
    }
}

/// Every language's catalog, built once.
static CATALOGS: LazyLock<Vec<Catalog>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .zip(Lang::ALL)
        .map(|((code, texts), lang)| {
            let texts: Vec<(&str, &str)> =
                FILES.iter().copied().zip(texts.iter().copied()).collect();
            // the embedded resources are checked by the tests; what does not parse falls back
            // to French, then to the message's id
            Catalog::build(code, &texts, lang).0
        })
        .collect()
});

/// A message in a language with its arguments; from French when the language lacks it, and
/// its id in brackets when no language has it (a test fails then).
pub fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    CATALOGS[lang as usize]
        .format(id, args)
        .or_else(|| CATALOGS[0].format(id, args))
        .unwrap_or_else(|| format!("[{id}]"))
}

/// A message without arguments, kept for the life of the program (the structs of words hold
/// them as `&'static str`; each is loaded once).
pub fn message(lang: Lang, id: &str) -> &'static str {
    Box::leak(format(lang, id, &[]).into_boxed_str())
}

/// The catalog of a language.
pub fn catalog(lang: Lang) -> &'static Catalog {
    &CATALOGS[lang as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded(lang: Lang) -> Vec<(&'static str, &'static str)> {
        FILES
            .iter()
            .copied()
            .zip(LANGUAGES[lang as usize].1.iter().copied())
            .collect()
    }

    #[test]
    fn every_language_parses_and_has_the_same_messages() {
        let french = Catalog::ids_of(&embedded(Lang::Fr));
        assert!(french.len() > 400, "{}", french.len());
        for lang in Lang::ALL {
            Catalog::new(LANGUAGES[lang as usize].0, &embedded(lang), lang).unwrap();
            let ids = Catalog::ids_of(&embedded(lang));
            let missing: Vec<_> = french.iter().filter(|m| !ids.contains(m)).collect();
            let extra: Vec<_> = ids.iter().filter(|m| !french.contains(m)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang:?} has messages French lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn every_message_the_code_names_exists_in_every_language() {
        let named = [
            super::super::Texts::IDS,
            super::super::PublicTexts::IDS,
            super::super::AssistantTexts::IDS,
            super::super::SharedTexts::IDS,
            super::super::departement::DepartementTexts::IDS,
            super::super::indicators::TableTexts::IDS,
            super::super::meeting::MeetingTexts::IDS,
            super::super::meeting::GlanceTexts::IDS,
            super::super::scenarios::ScenariosTexts::IDS,
            super::super::frontier::FrontierTexts::IDS,
            super::super::scenarios::RecordTexts::IDS,
            super::super::address::AddressTexts::IDS,
            super::super::AboutTexts::IDS,
            super::super::CommonTexts::IDS,
            super::super::MbTilesTexts::IDS,
            super::super::departement::SpreadTexts::IDS,
            super::super::departement::NamesTexts::IDS,
        ];
        for lang in Lang::ALL {
            for id in named.iter().flat_map(|ids| ids.iter()) {
                assert!(catalog(lang).has(id), "{lang:?} lacks {id}");
            }
        }
    }

    #[test]
    fn every_message_the_code_asks_for_by_id_exists_in_every_language() {
        // the message ids the sources give to `tr`
        let mut ids = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("tr(").skip(1) {
                        let id = part
                            .trim_start()
                            .strip_prefix("lang")
                            .map(str::trim_start)
                            .and_then(|p| p.strip_prefix(','))
                            .map(str::trim_start)
                            .and_then(|p| p.strip_prefix('"'))
                            .and_then(|p| p.split('"').next());
                        if let Some(id) = id {
                            ids.push(id.to_string());
                        }
                    }
                }
            }
        }
        assert!(ids.len() > 20, "{}", ids.len());
        for lang in Lang::ALL {
            for id in &ids {
                assert!(catalog(lang).has(id), "{lang:?} lacks {id}");
            }
        }
    }

    #[test]
    fn plurals_selectors_and_numbers_follow_the_language() {
        let p = super::super::public_texts(Lang::Fr);
        assert_eq!((p.units_change)(1), "1 îlot change de collège");
        assert_eq!((p.units_change)(2), "2 îlots changent de collège");
        assert_eq!(
            (super::super::public_texts(Lang::En).units_change)(1),
            "1 block changes collège"
        );
        let t = super::super::texts(Lang::Fr);
        let said = (t.closure_done)("Hugo", 1234, 5678.4, "Curie 3", 0);
        let n = |x: f64| super::super::number(Lang::Fr, x, 0);
        let counts = format!("{} îlots ({} élèves)", n(1234.0), n(5678.4));
        assert!(said.contains(&counts), "{said}");
        assert!(said.ends_with("rouvre le collège."), "{said}");
        let said = (t.closure_done)("Hugo", 3, 40.0, "Curie 3", 2);
        assert!(
            said.ends_with("2 îlots n’ont trouvé aucun collège ouvert : ils restent sans collège."),
            "{said}"
        );
        let a = super::super::assistant_texts(Lang::Fr);
        assert_eq!(
            (a.moved_line)(1, "12"),
            "1 îlot change de collège · 12 élèves"
        );
        assert_eq!(
            (a.moved_line)(2, "30"),
            "2 îlots changent de collège · 30 élèves"
        );
        assert_eq!((a.blocks)(1), "1 îlot");
        assert!((a.locked_note)(2, 1).starts_with("Ce qui est verrouillé (2 îlots, 1 collège)"));
        let a = super::super::assistant_texts(Lang::En);
        assert_eq!(
            (a.moved_line)(1, "12"),
            "1 block changes collège · 12 pupils"
        );
        assert_eq!(
            (a.accept)(3),
            "Create the scenario with the 3 checked changes"
        );
        let en = (super::super::texts(Lang::En).closure_done)("Hugo", 1234, 5678.4, "Curie 3", 0);
        assert!(en.contains("1,234 blocks (5,678 pupils)"), "{en}");
    }

    #[test]
    fn a_new_language_starts_as_a_copied_folder_with_a_few_lines_translated() {
        // a test language, not shipped: Portuguese with three messages translated, numbers
        // written as in French
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/i18n/pt");
        let pt = Catalog::from_folder(&dir, Lang::Fr).unwrap();
        assert_eq!(pt.format("undo", &[]).as_deref(), Some("Desfazer"));
        assert_eq!(
            pt.format("public-units_change", &[("n", Arg::from(2usize))])
                .as_deref(),
            Some("2 quarteirões mudam de colégio")
        );
        // what is not translated yet is not there: the app falls back to French for it
        assert!(!pt.has("redo"));
        assert!(catalog(Lang::Fr).has("redo"));
    }
}

#[cfg(test)]
mod common_words {
    use super::super::*;

    #[test]
    fn small_words_and_signs_are_written_as_each_language_writes_them() {
        assert_eq!(number(Lang::Fr, -1507.26, 1), "−1\u{202f}507,3");
        assert_eq!(number(Lang::En, 1507.26, 1), "1,507.3");
        assert_eq!(places(Lang::Fr, 1), "1 lieu");
        assert_eq!(places(Lang::Fr, 3), "3 lieux");
        assert_eq!(percent_sign(Lang::Fr), "\u{202f}%");
        assert_eq!(percent_sign(Lang::En), " %");
        assert_eq!(colon(Lang::Fr), "\u{a0}: ");
        assert_eq!(colon(Lang::En), ": ");
        let d = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(date_text(Lang::Fr, d), "23 novembre 2026");
        assert_eq!(date_text(Lang::En, d), "23 November 2026");
        assert_eq!(percent_tight(Lang::Fr, "73"), "73\u{202f}%");
        assert_eq!(labelled(Lang::Fr, "Auteur", "X"), "Auteur\u{a0}: X");
        assert_eq!(quoted(Lang::Fr, "X"), "«\u{a0}X\u{a0}»");
        assert_eq!(quoted(Lang::En, "X"), "“X”");
        assert_eq!(public_private(Lang::Fr, true), "privé");
        assert_eq!(yes_no(Lang::En, false), "no");
        assert_eq!(change(Lang::Fr, 0.0001, 1), "= inchangé");
        let e = crate::model::DocumentError::BaselineIsReadOnly;
        assert_eq!(document_error(Lang::En, &e), e.to_string());
        let e = crate::model::DocumentError::Edit(crate::model::EditError::StillHasUnits {
            name: "Hugo".into(),
            units: 3,
        });
        assert_eq!(document_error(Lang::En, &e), e.to_string());
        assert!(document_error(Lang::Fr, &e).starts_with("Le Hugo accueille encore 3 îlots"));
    }

    #[test]
    fn a_territorys_method_is_data_written_in_the_readers_language() {
        let m = crate::model::MethodNote::NotInCarte {
            communes: vec!["Chancé".into(), "Vendel".into()],
        };
        assert_eq!(
            method_text(Lang::Fr, &m),
            "Absentes de la carte scolaire : Chancé, Vendel ; rattachées au collège public le plus \
             proche (estimé)."
        );
        assert!(method_text(Lang::En, &m).starts_with("Missing from the carte scolaire: Chancé"));
        // it travels with the territory as data
        let info = crate::model::TerritoryInfo {
            method: vec![m],
            ..Default::default()
        };
        let text = serde_json::to_string(&info).unwrap();
        let back: crate::model::TerritoryInfo = serde_json::from_str(&text).unwrap();
        assert_eq!(back.method, info.method);
    }
}
