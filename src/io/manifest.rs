//! The manifest of a territory folder (`manifest.json`): the format version and each file's
//! size and blake3 hash, written last when the folder is saved. On load it proves that the
//! files were written together: a folder mixing files of two saves, or a file changed since,
//! is refused in words instead of giving wrong figures.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The manifest's file name in a territory folder.
pub const MANIFEST_FILE: &str = "manifest.json";
/// Its `format` field.
pub const MANIFEST_FORMAT: &str = "carte-mixite/manifest";
/// The version of the manifest's format.
pub const MANIFEST_VERSION: u32 = 1;

/// One file as the manifest knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Its size in bytes.
    pub bytes: u64,
    /// Its blake3 hash, in hexadecimal.
    pub blake3: String,
}

/// A territory folder's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`MANIFEST_FORMAT`].
    pub format: String,
    /// [`MANIFEST_VERSION`] when written.
    pub version: u32,
    /// The folder's files by name.
    pub files: BTreeMap<String, Entry>,
}

/// How a file disagrees with the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disagreement {
    /// The manifest lists it, the folder lacks it.
    Missing,
    /// The folder has it, the manifest does not list it although it must.
    Unlisted,
    /// Its bytes are not those the manifest recorded.
    Changed,
}

impl Manifest {
    /// The manifest of these files.
    pub fn of(files: &[(&str, &[u8])]) -> Manifest {
        Manifest {
            format: MANIFEST_FORMAT.into(),
            version: MANIFEST_VERSION,
            files: files
                .iter()
                .map(|(name, bytes)| {
                    let entry = Entry {
                        bytes: bytes.len() as u64,
                        blake3: blake3::hash(bytes).to_hex().to_string(),
                    };
                    (name.to_string(), entry)
                })
                .collect(),
        }
    }

    /// Its text.
    pub fn text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Whether it lists `name`.
    pub fn lists(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// Checks a file read from the folder (`None`: absent) against the manifest.
    pub fn check(&self, name: &str, bytes: Option<&[u8]>) -> Result<(), Disagreement> {
        match (self.files.get(name), bytes) {
            (None, None) => Ok(()),
            (None, Some(_)) => Err(Disagreement::Unlisted),
            (Some(_), None) => Err(Disagreement::Missing),
            (Some(e), Some(b)) => {
                let same = e.bytes == b.len() as u64
                    && blake3::hash(b).to_hex().as_str() == e.blake3.as_str();
                if same {
                    Ok(())
                } else {
                    Err(Disagreement::Changed)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_missing_or_unlisted_file_disagrees() {
        let m = Manifest::of(&[("units.geojson", b"abc"), ("colleges.geojson", b"xyz")]);
        let m: Manifest = serde_json::from_str(&m.text()).unwrap();
        assert_eq!(m.check("units.geojson", Some(b"abc")), Ok(()));
        assert_eq!(
            m.check("units.geojson", Some(b"abd")),
            Err(Disagreement::Changed)
        );
        assert_eq!(
            m.check("colleges.geojson", None),
            Err(Disagreement::Missing)
        );
        assert_eq!(
            m.check("streets.geojson", Some(b"")),
            Err(Disagreement::Unlisted)
        );
        assert_eq!(m.check("streets.geojson", None), Ok(()));
    }
}
