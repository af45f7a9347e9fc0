//! The glossary: every technical term the public reads has one plain definition, the same as a
//! tooltip in the window and as a section of the handout ("Les mots employés").

use super::{Lang, tr};

/// A term the public reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// Indice de position sociale.
    Ips,
    /// Pupils with a bourse de collège.
    Boursiers,
    /// H, the social separation between collèges.
    Separation,
    /// D, the share of a group that would have to change collège.
    Dissimilarity,
    /// The spread of the public collèges' IPS.
    IpsSpread,
    /// Alternating intake between collèges, year by year.
    MonteeAlternee,
    /// The algorithmic assignment of a shared sector.
    DeferredAcceptance,
    /// A sector in several pieces, on purpose.
    LeopardSkin,
}

impl Term {
    /// Every term, in the order the handout lists them.
    pub const ALL: [Term; 8] = [
        Term::Ips,
        Term::Boursiers,
        Term::Separation,
        Term::Dissimilarity,
        Term::IpsSpread,
        Term::MonteeAlternee,
        Term::DeferredAcceptance,
        Term::LeopardSkin,
    ];

    fn id(self) -> &'static str {
        match self {
            Term::Ips => "ips",
            Term::Boursiers => "boursiers",
            Term::Separation => "separation",
            Term::Dissimilarity => "dissimilarity",
            Term::IpsSpread => "ips_spread",
            Term::MonteeAlternee => "montee_alternee",
            Term::DeferredAcceptance => "deferred_acceptance",
            Term::LeopardSkin => "leopard_skin",
        }
    }
}

/// The term's name, as the public reads it.
pub fn name(lang: Lang, term: Term) -> String {
    tr(lang, &format!("gloss-{}-name", term.id()), &[])
}

/// Its plain definition.
pub fn definition(lang: Lang, term: Term) -> String {
    tr(lang, &format!("gloss-{}-def", term.id()), &[])
}

/// "Name: definition", for a handout's list.
pub fn entry(lang: Lang, term: Term) -> String {
    super::labelled(lang, &name(lang, term), &definition(lang, term))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_a_name_and_a_definition_in_every_language() {
        for lang in Lang::ALL {
            for t in Term::ALL {
                for id in [
                    format!("gloss-{}-name", t.id()),
                    format!("gloss-{}-def", t.id()),
                ] {
                    assert!(
                        super::super::fluent::catalog(lang).has(&id),
                        "{lang:?} lacks {id}"
                    );
                }
                assert!(
                    definition(lang, t).len() > 40,
                    "{t:?} is defined in a few words"
                );
            }
        }
    }
}
