//! Coordinate reference systems, through the pure-Rust `proj4rs` crate: every geometry is
//! converted to WGS84 longitude/latitude on the way in.

use proj4rs::Proj;

/// Why a conversion failed.
#[derive(Debug, thiserror::Error)]
pub enum CrsError {
    /// The EPSG code is not known to the projection library.
    #[error(
        "unknown projection EPSG:{code}; supported are e.g. 2154 (Lambert-93), 3942-3950 (CC zones), 4326 (WGS84), 3857 (Web Mercator), 326xx (UTM)"
    )]
    UnknownEpsg {
        /// The code asked for.
        code: u16,
    },
    /// A projection description (proj string from a `.prj`) the library does not accept.
    #[error("unknown projection \"{text}\"")]
    UnknownDefinition {
        /// The description.
        text: String,
    },
    /// A point could not be converted.
    #[error(
        "the point ({x}, {y}) cannot be converted from EPSG:{code} to longitude/latitude: {reason}"
    )]
    Point {
        /// Source code.
        code: u16,
        /// x in the source system.
        x: f64,
        /// y in the source system.
        y: f64,
        /// The library's reason.
        reason: String,
    },
}

/// The `.prj` text of Lambert-93 (EPSG:2154), as ESRI software writes it.
pub const LAMBERT93_PRJ: &str = r#"PROJCS["RGF_1993_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",44.0],PARAMETER["Standard_Parallel_2",49.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]"#;

/// Converts coordinates of one projected or geographic system to WGS84 lon/lat in degrees.
pub struct ToWgs84 {
    code: u16,
    src: Proj,
    dst: Proj,
}

impl ToWgs84 {
    /// A converter from the system with this EPSG code.
    pub fn from_epsg(code: u16) -> Result<Self, CrsError> {
        let src = Proj::from_epsg_code(code).map_err(|_| CrsError::UnknownEpsg { code })?;
        let dst = Proj::from_epsg_code(4326).map_err(|_| CrsError::UnknownEpsg { code: 4326 })?;
        Ok(ToWgs84 { code, src, dst })
    }

    /// A converter from a proj string (as `proj4wkt` makes from a `.prj` file).
    pub fn from_proj_string(text: &str) -> Result<Self, CrsError> {
        let src = Proj::from_proj_string(text).map_err(|_| CrsError::UnknownDefinition {
            text: text.to_string(),
        })?;
        let dst = Proj::from_epsg_code(4326).map_err(|_| CrsError::UnknownEpsg { code: 4326 })?;
        Ok(ToWgs84 { code: 0, src, dst })
    }

    /// Converts one point; returns (lon, lat) in degrees.
    pub fn convert(&self, x: f64, y: f64) -> Result<(f64, f64), CrsError> {
        let mut p = if self.src.is_latlong() {
            (x.to_radians(), y.to_radians(), 0.0)
        } else {
            (x, y, 0.0)
        };
        proj4rs::transform::transform(&self.src, &self.dst, &mut p).map_err(|e| {
            CrsError::Point {
                code: self.code,
                x,
                y,
                reason: e.to_string(),
            }
        })?;
        Ok((p.0.to_degrees(), p.1.to_degrees()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambert93_toulouse_matches_the_reference_point() {
        let c = ToWgs84::from_epsg(2154).unwrap();
        let (lon, lat) = c.convert(574000.0, 6279000.0).unwrap();
        assert!((lon - 1.439928).abs() < 1e-5, "{lon}");
        assert!((lat - 43.598852).abs() < 1e-5, "{lat}");
    }

    #[test]
    fn an_unknown_code_is_reported_not_guessed() {
        assert!(matches!(
            ToWgs84::from_epsg(1),
            Err(CrsError::UnknownEpsg { code: 1 })
        ));
    }
}
