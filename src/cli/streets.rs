//! `carte-mixite streets`: what a street file gives.

use super::*;

pub(super) fn streets_command(file: &std::path::Path, lang: Lang) -> Result<String, String> {
    let t0 = std::time::Instant::now();
    let net = crate::routing::StreetNetwork::read(file)
        .map_err(|e| crate::i18n::network_error(lang, &e))?;
    Ok(crate::i18n::network_text(&net, lang)
        + &format!(" ({:.0} ms)\n", t0.elapsed().as_secs_f64() * 1000.0))
}
