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

/// Where a projection is meant to be used, in degrees, with a margin: converted points outside
/// it betray a file in another projection than it declares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaOfUse {
    /// West, south, east, north.
    pub bounds: [f64; 4],
    /// Which area, for messages: "france", "utm-north", "utm-south", "conic", "transverse".
    pub name: &'static str,
}

impl AreaOfUse {
    /// Whether a longitude/latitude lies inside.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let [w, s, e, n] = self.bounds;
        (w..=e).contains(&lon) && (s..=n).contains(&lat)
    }

    /// Metropolitan France and Corsica, with a degree to spare (Lambert-93 and the CC zones).
    const FRANCE: AreaOfUse = AreaOfUse {
        bounds: [-10.9, 40.1, 11.4, 52.6],
        name: "france",
    };

    fn of_epsg(code: u16) -> Option<Self> {
        match code {
            2154 | 3942..=3950 => Some(Self::FRANCE),
            32601..=32660 => Some(Self::utm(code - 32600, true)),
            32701..=32760 => Some(Self::utm(code - 32700, false)),
            _ => None,
        }
    }

    /// A UTM zone, with its neighbours on each side (files often run over the zone's edge).
    fn utm(zone: u16, north: bool) -> Self {
        let lon0 = f64::from(zone) * 6.0 - 183.0;
        AreaOfUse {
            bounds: if north {
                [lon0 - 9.0, -10.0, lon0 + 9.0, 84.5]
            } else {
                [lon0 - 9.0, -80.5, lon0 + 9.0, 10.0]
            },
            name: if north { "utm-north" } else { "utm-south" },
        }
    }

    /// From a proj string: UTM zones, and conic or transverse projections near their origin.
    fn of_proj_string(text: &str) -> Option<Self> {
        let param = |key: &str| {
            text.split_whitespace()
                .find_map(|t| t.strip_prefix(&format!("+{key}=")))
        };
        let number = |key: &str| param(key).and_then(|v| v.parse::<f64>().ok());
        match param("proj")? {
            "utm" => {
                let zone = param("zone")?.parse().ok()?;
                Some(Self::utm(zone, !text.contains("+south")))
            }
            "lcc" => {
                let (lon0, lat0) = (number("lon_0")?, number("lat_0")?);
                Some(AreaOfUse {
                    bounds: [lon0 - 20.0, lat0 - 15.0, lon0 + 20.0, lat0 + 15.0],
                    name: "conic",
                })
            }
            "tmerc" => {
                let lon0 = number("lon_0")?;
                Some(AreaOfUse {
                    bounds: [lon0 - 12.0, -90.0, lon0 + 12.0, 90.0],
                    name: "transverse",
                })
            }
            _ => None,
        }
    }
}

/// Converts coordinates of one projected or geographic system to WGS84 lon/lat in degrees.
pub struct ToWgs84 {
    code: u16,
    src: Proj,
    dst: Proj,
    area: Option<AreaOfUse>,
}

impl ToWgs84 {
    /// A converter from the system with this EPSG code.
    pub fn from_epsg(code: u16) -> Result<Self, CrsError> {
        let src = Proj::from_epsg_code(code).map_err(|_| CrsError::UnknownEpsg { code })?;
        let dst = Proj::from_epsg_code(4326).map_err(|_| CrsError::UnknownEpsg { code: 4326 })?;
        Ok(ToWgs84 {
            code,
            src,
            dst,
            area: AreaOfUse::of_epsg(code),
        })
    }

    /// A converter from a proj string (as `proj4wkt` makes from a `.prj` file).
    pub fn from_proj_string(text: &str) -> Result<Self, CrsError> {
        let src = Proj::from_proj_string(text).map_err(|_| CrsError::UnknownDefinition {
            text: text.to_string(),
        })?;
        let dst = Proj::from_epsg_code(4326).map_err(|_| CrsError::UnknownEpsg { code: 4326 })?;
        Ok(ToWgs84 {
            code: 0,
            src,
            dst,
            area: AreaOfUse::of_proj_string(text),
        })
    }

    /// Where this projection is meant to be used, when known.
    pub fn area(&self) -> Option<AreaOfUse> {
        self.area
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
    fn points_in_another_projection_land_outside_the_area_of_use() {
        // Lambert-93 coordinates read as CC46 land far off, and the reverse
        let cc46 = ToWgs84::from_epsg(3946).unwrap();
        let (lon, lat) = cc46.convert(574000.0, 6279000.0).unwrap();
        assert!(!cc46.area().unwrap().contains(lon, lat), "{lon} {lat}");
        let l93 = ToWgs84::from_epsg(2154).unwrap();
        let (lon, lat) = l93.convert(1_700_000.0, 5_200_000.0).unwrap();
        assert!(!l93.area().unwrap().contains(lon, lat), "{lon} {lat}");
        let (lon, lat) = l93.convert(704000.0, 7060000.0).unwrap();
        assert!(l93.area().unwrap().contains(lon, lat), "Lille {lon} {lat}");
        // from a .prj's proj string
        let proj = "+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +units=m +no_defs";
        let c = ToWgs84::from_proj_string(proj).unwrap();
        assert!(c.area().unwrap().contains(3.0, 50.6));
        assert!(!c.area().unwrap().contains(-60.0, 10.0));
        assert!(ToWgs84::from_epsg(3857).unwrap().area().is_none());
    }

    #[test]
    fn an_unknown_code_is_reported_not_guessed() {
        assert!(matches!(
            ToWgs84::from_epsg(1),
            Err(CrsError::UnknownEpsg { code: 1 })
        ));
    }
}
