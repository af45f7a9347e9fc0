//! Synthetic territories: the demo town shipped in `maps/demo/`, and large generated territories
//! for benchmarks. Deterministic: the same seed gives the same territory, byte for byte.
//!
//! Blocks are Voronoi cells of scattered points (the `voronoice` crate): irregular like real
//! blocks, and neighbours share exact vertices, so adjacency and streets come for free (the
//! cell edges are the streets). Geometry is made in Lambert-93 metres and converted to lon/lat.

use geo::{LineString, MultiPolygon, Point, Polygon};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};
use rstar::RTree;

use crate::io::crs::ToWgs84;
use crate::model::scenario::{Assignment, Scenario, ScenarioMeta};
use crate::model::territory::UnitId;
use crate::model::territory::{
    College, CollegeId, GroupScheme, Landmark, LandmarkKind, Population, Rep, Sector, Territory,
    TerritoryInfo, Unit, UnitShape,
};

/// Lambert-93 (EPSG:2154), where geometry is generated.
const L93: u16 = 2154;

/// Size of a generated benchmark territory.
#[derive(Debug, Clone, Copy)]
pub struct SyntheticSpec {
    /// Number of units (blocks).
    pub units: usize,
    /// Number of collèges (about 15 % private).
    pub colleges: usize,
    /// Random seed.
    pub seed: u64,
}

/// Relative weights and steepness of the four DEPP groups along the social score.
const GROUP_BASE: [f64; 4] = [0.23, 0.14, 0.28, 0.35];
const GROUP_SLOPE: [f64; 4] = [1.3, 0.5, -0.2, -1.1];
/// Typical IPS of a pupil of each DEPP group.
const GROUP_IPS: [f64; 4] = [150.0, 118.0, 97.0, 68.0];

/// Group shares of a neighbourhood with this social score (0 = average, + favoured).
fn group_shares(score: f64) -> [f64; 4] {
    let mut w = [0.0; 4];
    for g in 0..4 {
        w[g] = GROUP_BASE[g] * (GROUP_SLOPE[g] * score).exp();
    }
    let sum: f64 = w.iter().sum();
    w.map(|x| x / sum)
}

/// Splits `total` into integers proportional to `shares` (largest remainder).
fn apportion(total: u32, shares: &[f64; 4]) -> [u32; 4] {
    let raw = shares.map(|s| s * f64::from(total));
    let mut out = raw.map(|x| x.floor() as u32);
    let mut left = total - out.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..4).collect();
    order.sort_by(|&a, &b| (raw[b] - raw[b].floor()).total_cmp(&(raw[a] - raw[a].floor())));
    for &g in order.iter().cycle().take(8) {
        if left == 0 {
            break;
        }
        out[g] += 1;
        left -= 1;
    }
    out
}

/// A block's population from its resident pupils and social score.
fn population(rng: &mut ChaCha8Rng, residents: f64, score: f64, avoidance: f64) -> Population {
    let noise = Normal::new(0.0, 1.0).unwrap_or_else(|_| unreachable!());
    let shares = group_shares(score);
    let pupils = (residents * (1.0 - avoidance)).round().max(0.0) as u32;
    let groups = apportion(pupils, &shares);
    let ips = shares
        .iter()
        .zip(GROUP_IPS)
        .map(|(s, v)| s * v)
        .sum::<f64>()
        + 2.5 * noise.sample(rng);
    let spread = 18.0 + 22.0 * (1.0 - shares.iter().copied().fold(0.0, f64::max));
    let bours_share =
        (0.03 + 0.55 * shares[3] + 0.10 * shares[2] + 0.02 * noise.sample(rng)).clamp(0.02, 0.7);
    let cohort = (f64::from(pupils) * rng.random_range(0.23..0.27)).round();
    Population {
        pupils: Some(f64::from(pupils)),
        cohort_6e: Some(cohort),
        boursiers: Some((bours_share * f64::from(pupils)).round()),
        ips_mean: Some((ips * 10.0).round() / 10.0),
        ips_sd: Some((spread * 10.0).round() / 10.0),
        ips_estimated: false,
        pupils_estimated: false,
        groups: Some(groups.iter().map(|&g| f64::from(g)).collect()),
        avoidance_rate: Some((avoidance * 100.0).round() / 100.0),
    }
}

/// Voronoi cells of `sites` in a box; cell vertices are shared between neighbours.
fn voronoi_cells(sites: &[[f64; 2]], center: [f64; 2], size: [f64; 2]) -> Vec<Vec<[f64; 2]>> {
    let points = sites
        .iter()
        .map(|p| voronoice::Point { x: p[0], y: p[1] })
        .collect();
    let bbox = voronoice::BoundingBox::new(
        voronoice::Point {
            x: center[0],
            y: center[1],
        },
        size[0],
        size[1],
    );
    let Some(v) = voronoice::VoronoiBuilder::default()
        .set_sites(points)
        .set_bounding_box(bbox)
        .build()
    else {
        return Vec::new();
    };
    let vertices = v.vertices();
    v.cells()
        .iter()
        .map(|cell| {
            cell.iter()
                .map(|&i| [vertices[i].x, vertices[i].y])
                .collect()
        })
        .collect()
}

fn ring(points: &[[f64; 2]], conv: &ToWgs84, origin: [f64; 2]) -> Option<LineString<f64>> {
    let mut coords = Vec::with_capacity(points.len() + 1);
    for p in points {
        let (lon, lat) = conv.convert(origin[0] + p[0], origin[1] + p[1]).ok()?;
        // 7 decimals: about 1 cm, and identical for vertices shared by two blocks
        coords.push(geo::coord! {x: round7(lon), y: round7(lat)});
    }
    let mut ls = LineString::new(coords);
    ls.close();
    Some(ls)
}

fn round7(x: f64) -> f64 {
    (x * 1e7).round() / 1e7
}

fn to_lonlat(conv: &ToWgs84, origin: [f64; 2], p: [f64; 2]) -> Point<f64> {
    conv.convert(origin[0] + p[0], origin[1] + p[1])
        .map(|(x, y)| Point::new(round7(x), round7(y)))
        .unwrap_or_else(|_| Point::new(f64::NAN, f64::NAN))
}

fn area(poly: &[[f64; 2]]) -> f64 {
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

/// A generated territory of about `spec.units` blocks, for benchmarks; its baseline sends each
/// block to the nearest public collège.
pub fn synthetic_territory(spec: &SyntheticSpec) -> (Territory, Scenario) {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let side = (spec.units as f64).sqrt() * 150.0;
    let sites: Vec<[f64; 2]> = (0..spec.units)
        .map(|_| [rng.random_range(0.0..side), rng.random_range(0.0..side)])
        .collect();
    let cells = voronoi_cells(&sites, [side / 2.0, side / 2.0], [side, side]);
    // a smooth social field: a few favoured and deprived areas
    let bumps: Vec<([f64; 2], f64, f64)> = (0..12)
        .map(|i| {
            let sign = if i % 2 == 0 { 1.0 } else { -1.3 };
            (
                [rng.random_range(0.0..side), rng.random_range(0.0..side)],
                sign * rng.random_range(0.6..1.4),
                side * rng.random_range(0.05..0.15),
            )
        })
        .collect();
    let score = |p: [f64; 2]| {
        bumps
            .iter()
            .map(|(c, h, r)| {
                h * (-((p[0] - c[0]).powi(2) + (p[1] - c[1]).powi(2)) / r.powi(2)).exp()
            })
            .sum::<f64>()
    };
    let origin = [650_000.0, 6_600_000.0];
    let conv = match ToWgs84::from_epsg(L93) {
        Ok(c) => c,
        Err(_) => unreachable!("EPSG:2154 is in the embedded definitions"),
    };
    let mut units = Vec::with_capacity(spec.units);
    for (i, (site, cell)) in sites.iter().zip(&cells).enumerate() {
        let Some(exterior) = ring(cell, &conv, origin) else {
            continue;
        };
        let residents = area(cell) / 10_000.0 * 60.0 * 0.055;
        let pop = population(&mut rng, residents, score(*site), 0.1);
        units.push(Unit {
            key: format!("U{i:06}"),
            name: format!("Îlot {i}"),
            shape: UnitShape::Area(MultiPolygon(vec![Polygon::new(exterior, vec![])])),
            anchor: to_lonlat(&conv, origin, *site),
            population: pop,
            school: None,
        });
    }
    let college_sites: Vec<[f64; 2]> = (0..spec.colleges)
        .map(|_| [rng.random_range(0.0..side), rng.random_range(0.0..side)])
        .collect();
    let colleges: Vec<College> = college_sites
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let private = i % 7 == 6;
            College {
                uai: format!("{:07}{}", 9_900_000 + i, (b'A' + (i % 26) as u8) as char),
                name: format!("Collège n° {}", i + 1),
                short_name: format!("C{}", i + 1),
                location: to_lonlat(&conv, origin, *p),
                sector: if private {
                    Sector::Private
                } else {
                    Sector::Public
                },
                capacity_pupils: Some(600.0),
                capacity_6e_classes: Some(6),
                rep: Rep::None,
                observed_ips: None,
                observed_pupils: None,
                own_intake: private.then(|| population(&mut rng, 450.0, 1.0, 0.0)),
            }
        })
        .collect();
    let publics: RTree<rstar::primitives::GeomWithData<[f64; 2], u32>> = RTree::bulk_load(
        college_sites
            .iter()
            .enumerate()
            .filter(|(i, _)| colleges[*i].sector == Sector::Public)
            .map(|(i, p)| rstar::primitives::GeomWithData::new(*p, i as u32))
            .collect(),
    );
    let nearest: Vec<Option<CollegeId>> = sites
        .iter()
        .map(|s| publics.nearest_neighbor(s).map(|c| CollegeId(c.data)))
        .collect();
    let territory = match Territory::new(
        TerritoryInfo {
            name: format!("Territoire généré ({} îlots)", spec.units),
            fictional: true,
            sources: vec!["généré par carte-mixite".into()],
            notes: String::new(),
            method: Vec::new(),
        },
        GroupScheme::depp4(),
        units,
        colleges,
    ) {
        Ok(t) => t,
        Err(e) => unreachable!("generated territories are valid: {e}"),
    };
    let mut baseline = Scenario::unassigned(ScenarioMeta::new("Carte actuelle"), &territory);
    let changes = nearest
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|c| (crate::model::territory::UnitId(i as u32), c)));
    for (u, c) in changes {
        baseline.replace_assignment(u, Assignment::College(c));
    }
    (territory, baseline)
}

/// Border moves for benchmarks: every unit with a neighbour in another sector, with its own
/// assignment and the neighbouring collège it could move to.
pub fn border_moves(t: &Territory, base: &Scenario) -> Vec<(UnitId, Assignment, Assignment)> {
    t.unit_ids()
        .filter_map(|u| {
            let own = base.assignment(u).clone();
            let other = t
                .adjacency()
                .of(u)
                .iter()
                .filter_map(|n| base.assignment(n.unit).main_college())
                .find(|&c| Some(c) != own.main_college())?;
            Some((u, own, Assignment::College(other)))
        })
        .collect()
}

/// A named part of the demo town.
struct District {
    name: &'static str,
    at: [f64; 2],
    /// Social score added at the centre of the district.
    score: f64,
    /// Radius of its influence (m).
    radius: f64,
    /// Inhabitants per hectare.
    density: f64,
}

const DISTRICTS: &[District] = &[
    District {
        name: "Centre-ville",
        at: [0.0, 200.0],
        score: 1.6,
        radius: 1200.0,
        density: 110.0,
    },
    District {
        name: "Les Coteaux",
        at: [-2600.0, 900.0],
        score: 1.0,
        radius: 1000.0,
        density: 28.0,
    },
    District {
        name: "La Garenne",
        at: [2900.0, -1750.0],
        score: -2.7,
        radius: 950.0,
        density: 150.0,
    },
    District {
        name: "Les Forges",
        at: [-1500.0, -1900.0],
        score: -1.2,
        radius: 900.0,
        density: 70.0,
    },
    District {
        name: "Le Plateau",
        at: [-900.0, 2000.0],
        score: 0.1,
        radius: 900.0,
        density: 45.0,
    },
    District {
        name: "Les Prés",
        at: [2300.0, 1400.0],
        score: -0.2,
        radius: 900.0,
        density: 50.0,
    },
    District {
        name: "Saint-Roch",
        at: [1900.0, -250.0],
        score: -0.3,
        radius: 700.0,
        density: 80.0,
    },
    District {
        name: "Bellevue",
        at: [500.0, -2000.0],
        score: -0.4,
        radius: 900.0,
        density: 55.0,
    },
    District {
        name: "La Gare",
        at: [-1500.0, 200.0],
        score: 0.2,
        radius: 700.0,
        density: 75.0,
    },
];

/// A collège of the demo town: name, short name, place, sector, REP, capacity factor over its
/// baseline enrolment (below 1: over capacity).
struct DemoCollege {
    name: &'static str,
    short: &'static str,
    at: [f64; 2],
    sector: Sector,
    rep: Rep,
    capacity_factor: f64,
}

const DEMO_COLLEGES: &[DemoCollege] = &[
    DemoCollege {
        name: "Collège Jean-Jaurès",
        short: "Jaurès",
        at: [-150.0, 350.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 0.96,
    },
    DemoCollege {
        name: "Collège Victor-Hugo",
        short: "Hugo",
        at: [900.0, 1150.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 1.0,
    },
    DemoCollege {
        name: "Collège des Coteaux",
        short: "Coteaux",
        at: [-2500.0, 750.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 1.05,
    },
    DemoCollege {
        name: "Collège Louise-Michel",
        short: "L.-Michel",
        at: [2750.0, -1650.0],
        sector: Sector::Public,
        rep: Rep::RepPlus,
        capacity_factor: 1.5,
    },
    DemoCollege {
        name: "Collège Jules-Ferry",
        short: "Ferry",
        at: [-1450.0, -1750.0],
        sector: Sector::Public,
        rep: Rep::Rep,
        capacity_factor: 1.2,
    },
    DemoCollege {
        name: "Collège Pablo-Neruda",
        short: "Neruda",
        at: [2350.0, 1250.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 1.1,
    },
    DemoCollege {
        name: "Collège Marie-Curie",
        short: "Curie",
        at: [-1100.0, 2000.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 1.02,
    },
    DemoCollege {
        name: "Collège Simone-Veil",
        short: "Veil",
        at: [450.0, -2000.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 1.15,
    },
    DemoCollege {
        name: "Collège Camille-Claudel",
        short: "Claudel",
        at: [1750.0, 100.0],
        sector: Sector::Public,
        rep: Rep::None,
        capacity_factor: 1.1,
    },
    DemoCollege {
        name: "Collège privé Saint-Joseph",
        short: "St-Joseph",
        at: [-450.0, -100.0],
        sector: Sector::Private,
        rep: Rep::None,
        capacity_factor: 1.0,
    },
    DemoCollege {
        name: "Institution Notre-Dame",
        short: "N.-Dame",
        at: [450.0, 750.0],
        sector: Sector::Private,
        rep: Rep::None,
        capacity_factor: 1.0,
    },
    DemoCollege {
        name: "Collège privé Sainte-Marie",
        short: "Ste-Marie",
        at: [-2050.0, 250.0],
        sector: Sector::Private,
        rep: Rep::None,
        capacity_factor: 1.0,
    },
];

/// The course of the river La Lise (y as a function of x, metres from the town centre).
fn river_y(x: f64) -> f64 {
    -650.0 + 380.0 * (x / 1400.0 + 0.7).sin() + 110.0 * (x / 480.0).sin()
}

/// Where the town stops: an irregular oval (metres from the centre).
fn inside_town(p: [f64; 2]) -> bool {
    let theta = p[1].atan2(p[0]);
    let r = 1.0 + 0.10 * (3.0 * theta + 0.5).sin() + 0.06 * (5.0 * theta + 1.3).sin();
    (p[0] / (4200.0 * r)).powi(2) + (p[1] / (3000.0 * r)).powi(2) <= 1.0
}

/// The demo town: territory, baseline, and the committed-file descriptions of its parts.
pub struct DemoTown {
    /// The territory (units, collèges, landmarks, streets).
    pub territory: Territory,
    /// The current carte scolaire of the town.
    pub baseline: Scenario,
}

/// Builds Belcastel-sur-Lise, a fictional town of about 330 blocks and 12 collèges.
pub fn demo_town(seed: u64) -> DemoTown {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let origin = [690_000.0, 6_620_000.0];
    let conv = match ToWgs84::from_epsg(L93) {
        Ok(c) => c,
        Err(_) => unreachable!("EPSG:2154 is in the embedded definitions"),
    };
    // 1. Sites: dense in the centre, sparse at the edge, a row along the river (its bed), and
    //    countryside beyond the town so that edge blocks stay compact.
    let (sites, river_sites) = demo_sites(&mut rng);
    let cells = voronoi_cells(&sites, [0.0, 0.0], [13_000.0, 10_000.0]);
    let score = |p: [f64; 2]| {
        DISTRICTS
            .iter()
            .map(|d| {
                d.score
                    * (-((p[0] - d.at[0]).powi(2) + (p[1] - d.at[1]).powi(2)) / d.radius.powi(2))
                        .exp()
            })
            .sum::<f64>()
    };
    let district_of = |p: [f64; 2]| {
        DISTRICTS
            .iter()
            .min_by(|a, b| {
                let da = ((p[0] - a.at[0]).powi(2) + (p[1] - a.at[1]).powi(2)).sqrt() / a.radius;
                let db = ((p[0] - b.at[0]).powi(2) + (p[1] - b.at[1]).powi(2)).sqrt() / b.radius;
                da.total_cmp(&db)
            })
            .unwrap_or(&DISTRICTS[0])
    };
    let kept: Vec<usize> = (river_sites..sites.len())
        .filter(|&i| inside_town(sites[i]))
        .collect();
    // 2. Baseline: nearest public collège on the same bank (crossing the river costs 1.5 km:
    //    few bridges), which puts the whole Garenne estate in one sector.
    let same_bank = |a: [f64; 2], b: [f64; 2]| (a[1] > river_y(a[0])) == (b[1] > river_y(b[0]));
    let baseline_college = |p: [f64; 2]| {
        DEMO_COLLEGES
            .iter()
            .enumerate()
            .filter(|(_, c)| c.sector == Sector::Public)
            .min_by(|(_, a), (_, b)| {
                let cost = |c: &DemoCollege| {
                    ((p[0] - c.at[0]).powi(2) + (p[1] - c.at[1]).powi(2)).sqrt()
                        + if same_bank(p, c.at) { 0.0 } else { 1500.0 }
                };
                cost(a).total_cmp(&cost(b))
            })
            .map(|(i, _)| i)
            .unwrap_or(0)
    };
    // 3. Blocks.
    let noise = Normal::new(0.0, 0.22).unwrap_or_else(|_| unreachable!());
    let mut units = Vec::new();
    let mut assignment = Vec::new();
    let mut unit_sites = Vec::new();
    let mut counters = std::collections::HashMap::new();
    for (n, &i) in kept.iter().enumerate() {
        let cell = &cells[i];
        let site = sites[i];
        let Some(exterior) = ring(cell, &conv, origin) else {
            continue;
        };
        let district = district_of(site);
        let college = baseline_college(site);
        let avoidance = match DEMO_COLLEGES[college].short {
            "L.-Michel" => rng.random_range(0.30..0.42),
            "Ferry" => rng.random_range(0.15..0.25),
            _ => rng.random_range(0.05..0.12),
        };
        // collège pupils per inhabitant of the public sector's age band: about 2.2 %
        let residents = area(cell) / 10_000.0 * district.density * 0.022;
        let local = score(site) + noise.sample(&mut rng);
        let pop = population(&mut rng, residents, local, avoidance);
        let k = counters.entry(district.name).or_insert(0);
        *k += 1;
        let shape = UnitShape::Area(MultiPolygon(vec![Polygon::new(exterior, vec![])]));
        units.push(Unit {
            key: format!("B{:03}", n + 1),
            name: format!("{} – îlot {}", district.name, k),
            anchor: to_lonlat(&conv, origin, site),
            shape,
            population: pop,
            school: None,
        });
        assignment.push(college);
        unit_sites.push(site);
    }
    // écoles: each sector's blocks grouped in catchments of about five blocks (no random draw,
    // so the rest of the town is the same as without them)
    for (u, name) in demo_schools(&unit_sites, &assignment, |p| district_of(p).name) {
        units[u].school = Some(name);
    }
    // 4. Collèges, with capacities sized on the baseline so that the centre is full and the
    //    avoided collège half empty.
    let mut enrolment = vec![0.0; DEMO_COLLEGES.len()];
    for (u, &c) in units.iter().zip(&assignment) {
        enrolment[c] += u.population.pupils.unwrap_or(0.0);
    }
    let colleges = demo_colleges(&mut rng, &conv, origin, &enrolment);
    let mut territory = match Territory::new(
        TerritoryInfo {
            name: "Belcastel-sur-Lise (ville fictive)".into(),
            fictional: true,
            sources: vec![
                "Ville fictive générée par carte-mixite (generate-demo, graine 2026) : \
                 aucune donnée réelle."
                    .into(),
            ],
            notes: "Une ville inventée pour découvrir l'outil : centre favorisé, quartier \
                    prioritaire de La Garenne au sud-est, de l'autre côté de la Lise, dont \
                    les familles évitent le collège Louise-Michel."
                .into(),
            method: Vec::new(),
        },
        GroupScheme::depp4(),
        units,
        colleges,
    ) {
        Ok(t) => t,
        Err(e) => unreachable!("the demo town is valid: {e}"),
    };
    // 5. The river and the streets (block edges, plus three bridges).
    territory.landmarks.push(demo_river(&conv, origin));
    territory.streets = demo_streets(&cells, &kept, &sites, &conv, origin);
    territory.street_names = demo_street_names(&cells, &kept, &conv, origin);
    let mut baseline = Scenario::unassigned(ScenarioMeta::new("Carte actuelle"), &territory);
    baseline.meta.author = "Belcastel-sur-Lise (fictif)".into();
    // a fixed date, so that regenerating the town gives the same files
    let date = chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default();
    baseline.meta.created = date;
    baseline.meta.modified = date;
    baseline.meta.notes = "Sectorisation en vigueur de la ville fictive.".into();
    for (i, &c) in assignment.iter().enumerate() {
        baseline.replace_assignment(
            crate::model::territory::UnitId(i as u32),
            Assignment::College(CollegeId(c as u32)),
        );
    }
    DemoTown {
        territory,
        baseline,
    }
}

/// La Lise, the river through the demo town.
fn demo_river(conv: &ToWgs84, origin: [f64; 2]) -> Landmark {
    let river: Vec<geo::Coord<f64>> = (-45..=45)
        .map(|i| {
            let x = f64::from(i) * 100.0;
            to_lonlat(conv, origin, [x, river_y(x)]).0
        })
        .collect();
    Landmark {
        kind: LandmarkKind::River,
        name: "La Lise".into(),
        line: LineString::new(river),
    }
}

/// The demo's collèges: private ones with their own intake, capacities sized on the baseline's
/// enrolment (the centre full, the avoided collège half empty).
fn demo_colleges(
    rng: &mut ChaCha8Rng,
    conv: &ToWgs84,
    origin: [f64; 2],
    enrolment: &[f64],
) -> Vec<College> {
    DEMO_COLLEGES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let private = c.sector == Sector::Private;
            let intake = private.then(|| {
                let pupils = rng.random_range(420.0..560.0_f64).round();
                let score = rng.random_range(1.1..2.0);
                population(rng, pupils, score, 0.0)
            });
            let pupils = intake
                .as_ref()
                .and_then(|p| p.pupils)
                .unwrap_or(enrolment[i]);
            let capacity = ((pupils * c.capacity_factor) / 25.0).round() * 25.0;
            College {
                uai: format!("099{:04}{}", 101 + i, (b'A' + i as u8) as char),
                name: c.name.into(),
                short_name: c.short.into(),
                location: to_lonlat(conv, origin, c.at),
                sector: c.sector,
                capacity_pupils: Some(capacity),
                capacity_6e_classes: Some((capacity / 4.0 / 25.0).ceil() as u32),
                rep: c.rep,
                observed_ips: intake.as_ref().and_then(|p| p.ips_mean),
                observed_pupils: intake.as_ref().and_then(|p| p.pupils),
                own_intake: intake,
            }
        })
        .collect()
}

/// The demo town's Voronoi sites: a row along the river (its bed) first, then random sites,
/// dense in the centre and sparse at the edge; returns them and the river's count.
fn demo_sites(rng: &mut ChaCha8Rng) -> (Vec<[f64; 2]>, usize) {
    let spacing = |p: [f64; 2]| {
        let d = (p[0].powi(2) + p[1].powi(2)).sqrt();
        let garenne = ((p[0] - 2900.0).powi(2) + (p[1] + 1750.0).powi(2)).sqrt();
        let base = 150.0 + 0.05 * d;
        if garenne < 700.0 { base * 0.8 } else { base }
    };
    let mut sites: Vec<[f64; 2]> = Vec::new();
    let mut river_sites = 0;
    let mut x = -6000.0;
    while x <= 6000.0 {
        sites.push([x, river_y(x)]);
        river_sites += 1;
        x += 120.0;
    }
    let too_close = |sites: &[[f64; 2]], p: [f64; 2], min: f64| {
        sites
            .iter()
            .any(|q| (q[0] - p[0]).powi(2) + (q[1] - p[1]).powi(2) < min * min)
    };
    for _ in 0..30_000 {
        let p = [
            rng.random_range(-6000.0..6000.0),
            rng.random_range(-4500.0..4500.0),
        ];
        let town = inside_town(p);
        let min = if town { spacing(p) } else { 700.0 };
        if (p[1] - river_y(p[0])).abs() < 110.0 || too_close(&sites, p, min) {
            continue;
        }
        sites.push(p);
    }
    (sites, river_sites)
}

/// Common names of French écoles, for the demo town's.
const SCHOOL_NAMES: &[&str] = &[
    "Jules-Ferry",
    "Jean-Moulin",
    "Pasteur",
    "Victor-Hugo",
    "Paul-Bert",
    "Jean-Macé",
    "des Tilleuls",
    "Marie-Curie",
    "Jacques-Prévert",
    "Condorcet",
    "des Marronniers",
    "Jean-de-La-Fontaine",
    "Anatole-France",
    "des Acacias",
    "George-Sand",
    "Louis-Pergaud",
    "des Lilas",
    "Simone-Veil",
    "Molière",
    "des Peupliers",
    "Frédéric-Mistral",
    "Saint-Exupéry",
    "des Cerisiers",
    "Albert-Camus",
];

/// The demo's école catchments: within each baseline sector, about five blocks per école,
/// grown around sites spread by farthest-point seeding and balanced by a few Lloyd rounds.
/// Returns (block, école name) for every block.
fn demo_schools(
    sites: &[[f64; 2]],
    sector: &[usize],
    district: impl Fn([f64; 2]) -> &'static str,
) -> Vec<(usize, String)> {
    let d2 = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2);
    let mut out = Vec::with_capacity(sites.len());
    let mut used = std::collections::HashSet::new();
    let mut next_name = 0;
    let sectors = sector.iter().copied().max().map_or(0, |m| m + 1);
    for c in 0..sectors {
        let members: Vec<usize> = (0..sites.len()).filter(|&u| sector[u] == c).collect();
        if members.is_empty() {
            continue;
        }
        let k = members.len().div_ceil(5);
        let mut seeds = vec![members[0]];
        while seeds.len() < k {
            let far = members.iter().copied().max_by(|&a, &b| {
                let da = seeds
                    .iter()
                    .map(|&s| d2(sites[a], sites[s]))
                    .fold(f64::MAX, f64::min);
                let db = seeds
                    .iter()
                    .map(|&s| d2(sites[b], sites[s]))
                    .fold(f64::MAX, f64::min);
                da.total_cmp(&db)
            });
            seeds.extend(far);
        }
        let nearest = |seeds: &[usize], u: usize| {
            (0..seeds.len())
                .min_by(|&a, &b| {
                    d2(sites[u], sites[seeds[a]]).total_cmp(&d2(sites[u], sites[seeds[b]]))
                })
                .unwrap_or(0)
        };
        for _ in 0..3 {
            for (i, seed) in seeds.clone().into_iter().enumerate() {
                let group: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&u| nearest(&seeds, u) == i)
                    .collect();
                if group.is_empty() {
                    continue;
                }
                let n = group.len() as f64;
                let mean = [
                    group.iter().map(|&u| sites[u][0]).sum::<f64>() / n,
                    group.iter().map(|&u| sites[u][1]).sum::<f64>() / n,
                ];
                seeds[i] = group
                    .iter()
                    .copied()
                    .min_by(|&a, &b| d2(sites[a], mean).total_cmp(&d2(sites[b], mean)))
                    .unwrap_or(seed);
            }
        }
        let names: Vec<String> = seeds
            .iter()
            .map(|&s| {
                loop {
                    let base = SCHOOL_NAMES[next_name % SCHOOL_NAMES.len()];
                    next_name += 1;
                    let name = format!("École {base} ({})", district(sites[s]));
                    if used.insert(name.clone()) {
                        break name;
                    }
                }
            })
            .collect();
        for &u in &members {
            out.push((u, names[nearest(&seeds, u)].clone()));
        }
    }
    out
}

fn demo_streets(
    cells: &[Vec<[f64; 2]>],
    kept: &[usize],
    sites: &[[f64; 2]],
    conv: &ToWgs84,
    origin: [f64; 2],
) -> Vec<LineString<f64>> {
    let key = |p: [f64; 2]| ((p[0] * 100.0).round() as i64, (p[1] * 100.0).round() as i64);
    let mut edges = std::collections::BTreeMap::new();
    for &i in kept {
        let cell = &cells[i];
        for j in 0..cell.len() {
            let (a, b) = (cell[j], cell[(j + 1) % cell.len()]);
            let (ka, kb) = (key(a), key(b));
            if ka == kb {
                continue;
            }
            edges.entry(ka.min(kb)).or_insert_with(Vec::new);
            let list = edges.entry(ka.min(kb)).or_insert_with(Vec::new);
            let (p, q) = if ka < kb { (a, b) } else { (b, a) };
            if !list.iter().any(|(k, _, _)| *k == ka.max(kb)) {
                list.push((ka.max(kb), p, q));
            }
        }
    }
    let mut out: Vec<LineString<f64>> = edges
        .values()
        .flatten()
        .map(|(_, p, q)| {
            LineString::from(vec![
                to_lonlat(conv, origin, *p).0,
                to_lonlat(conv, origin, *q).0,
            ])
        })
        .collect();
    // Bridges: from the closest block corner on each bank near three crossing points.
    let vertices: Vec<[f64; 2]> = kept
        .iter()
        .flat_map(|&i| cells[i].iter().copied())
        .collect();
    for bx in [-1800.0, 250.0, 2300.0] {
        let ry = river_y(bx);
        let closest = |north: bool| {
            vertices
                .iter()
                .filter(|v| (v[1] > river_y(v[0])) == north)
                .min_by(|a, b| {
                    let da = (a[0] - bx).powi(2) + (a[1] - ry).powi(2);
                    let db = (b[0] - bx).powi(2) + (b[1] - ry).powi(2);
                    da.total_cmp(&db)
                })
                .copied()
        };
        if let (Some(n), Some(s)) = (closest(true), closest(false)) {
            out.push(LineString::from(vec![
                to_lonlat(conv, origin, n).0,
                to_lonlat(conv, origin, s).0,
            ]));
        }
    }
    let _ = sites;
    out
}

/// Names of the demo town's streets: invented, common French ones.
const STREET_NAMES: &[&str] = &[
    "des Tilleuls",
    "Jean-Jaurès",
    "Victor-Hugo",
    "de la République",
    "Pasteur",
    "des Écoles",
    "du Moulin",
    "de la Gare",
    "Gambetta",
    "des Lilas",
    "du Château",
    "de la Lise",
    "Jules-Ferry",
    "Carnot",
    "des Acacias",
    "de la Paix",
    "Voltaire",
    "des Peupliers",
    "du Stade",
    "Émile-Zola",
    "des Vignes",
    "de l'Église",
    "Jean-Moulin",
    "des Marronniers",
    "de la Libération",
    "du Général-de-Gaulle",
    "des Rosiers",
    "George-Sand",
    "du Marché",
    "des Coteaux",
    "Pierre-Curie",
    "de la Garenne",
    "des Cerisiers",
    "Louise-Michel",
    "du Lavoir",
    "des Jardins",
    "Paul-Bert",
    "de la Fontaine",
    "des Chênes",
    "Anatole-France",
    "du Four",
    "des Prés",
    "Aristide-Briand",
    "des Sources",
    "de Verdun",
    "des Hirondelles",
    "Condorcet",
    "du Port",
    "des Noyers",
    "Jean-Macé",
    "de la Tuilerie",
    "des Bleuets",
    "Marcel-Pagnol",
    "du Pont",
    "des Mésanges",
    "Simone-Veil",
    "de la Forge",
    "des Glycines",
    "Olympe-de-Gouges",
    "du Calvaire",
];

/// The demo town's streets with names: block edges joined into streets where they continue
/// nearly straight (at most 30° apart), the longest named first, avenues and boulevards for the
/// longest. Streets shorter than 350 m stay unnamed.
fn demo_street_names(
    cells: &[Vec<[f64; 2]>],
    kept: &[usize],
    conv: &ToWgs84,
    origin: [f64; 2],
) -> Vec<crate::model::places::NamedStreet> {
    use std::collections::BTreeMap;
    type Key = (i64, i64);
    let key = |p: [f64; 2]| ((p[0] * 100.0).round() as i64, (p[1] * 100.0).round() as i64);
    // unique edges between vertex keys, with the vertices' positions
    let mut at: BTreeMap<(i64, i64), [f64; 2]> = BTreeMap::new();
    // each edge with the number of blocks it borders: the town's outer edge borders one, and
    // is left unnamed (streets run through the town)
    let mut bordering: BTreeMap<(Key, Key), u32> = BTreeMap::new();
    for &i in kept {
        let cell = &cells[i];
        for j in 0..cell.len() {
            let (a, b) = (cell[j], cell[(j + 1) % cell.len()]);
            let (ka, kb) = (key(a), key(b));
            if ka == kb {
                continue;
            }
            at.insert(ka, a);
            at.insert(kb, b);
            *bordering.entry((ka.min(kb), ka.max(kb))).or_default() += 1;
        }
    }
    let edges: Vec<((i64, i64), (i64, i64))> = bordering
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(e, _)| e)
        .collect();
    let mut incident: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for (e, &(a, b)) in edges.iter().enumerate() {
        incident.entry(a).or_default().push(e);
        incident.entry(b).or_default().push(e);
    }
    let pos = |k: &(i64, i64)| at.get(k).copied().unwrap_or([0.0, 0.0]);
    let heading = |from: [f64; 2], to: [f64; 2]| (to[1] - from[1]).atan2(to[0] - from[0]);
    let mut used = vec![false; edges.len()];
    let mut chains: Vec<Vec<(i64, i64)>> = Vec::new();
    // longest edges start chains first, so that main streets are found whole
    let mut order: Vec<usize> = (0..edges.len()).collect();
    let length = |e: usize| {
        let (a, b) = (pos(&edges[e].0), pos(&edges[e].1));
        (a[0] - b[0]).hypot(a[1] - b[1])
    };
    order.sort_by(|&x, &y| length(y).total_cmp(&length(x)).then(x.cmp(&y)));
    for start in order {
        if used[start] {
            continue;
        }
        used[start] = true;
        let mut chain = vec![edges[start].0, edges[start].1];
        for forward in [true, false] {
            loop {
                let (prev, end) = if forward {
                    (chain[chain.len() - 2], chain[chain.len() - 1])
                } else {
                    (chain[1], chain[0])
                };
                let h = heading(pos(&prev), pos(&end));
                let next = incident.get(&end).and_then(|list| {
                    list.iter()
                        .filter(|&&e| !used[e])
                        .map(|&e| {
                            let other = if edges[e].0 == end {
                                edges[e].1
                            } else {
                                edges[e].0
                            };
                            let turn = (heading(pos(&end), pos(&other)) - h + std::f64::consts::PI)
                                .rem_euclid(2.0 * std::f64::consts::PI)
                                - std::f64::consts::PI;
                            (e, other, turn.abs())
                        })
                        .filter(|&(_, _, turn)| turn <= 30f64.to_radians())
                        .min_by(|a, b| a.2.total_cmp(&b.2))
                });
                let Some((e, other, _)) = next else {
                    break;
                };
                used[e] = true;
                if forward {
                    chain.push(other);
                } else {
                    chain.insert(0, other);
                }
            }
        }
        chains.push(chain);
    }
    let chain_m = |c: &Vec<(i64, i64)>| {
        c.windows(2)
            .map(|w| {
                let (a, b) = (pos(&w[0]), pos(&w[1]));
                (a[0] - b[0]).hypot(a[1] - b[1])
            })
            .sum::<f64>()
    };
    chains.retain(|c| chain_m(c) >= 350.0);
    chains.sort_by(|a, b| chain_m(b).total_cmp(&chain_m(a)));
    chains
        .iter()
        .zip(STREET_NAMES)
        .enumerate()
        .map(|(i, (chain, name))| {
            let kind = match i {
                0..=3 => "Avenue",
                4..=6 => "Boulevard",
                _ if i % 7 == 3 => "Allée",
                _ if i % 11 == 5 => "Chemin",
                _ => "Rue",
            };
            let line = chain
                .iter()
                .map(|k| to_lonlat(conv, origin, pos(k)).0)
                .collect::<Vec<_>>();
            crate::model::places::NamedStreet {
                name: format!("{kind} {name}"),
                line: LineString::from(line),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{Metrics, MetricsConfig, Minority};

    #[test]
    fn the_same_seed_gives_the_same_town() {
        let a = demo_town(7);
        let b = demo_town(7);
        assert_eq!(a.baseline, b.baseline);
        let ta = crate::io::territory_files::territory_texts(&a.territory, &a.baseline);
        let tb = crate::io::territory_files::territory_texts(&b.territory, &b.baseline);
        assert_eq!(ta, tb);
    }

    #[test]
    fn the_demo_town_has_the_promised_shape() {
        let town = demo_town(2026);
        let t = &town.territory;
        assert!(
            (200..=400).contains(&t.units().len()),
            "{}",
            t.units().len()
        );
        assert_eq!(t.colleges().len(), 12);
        let private = t
            .colleges()
            .iter()
            .filter(|c| c.sector == Sector::Private)
            .count();
        assert_eq!(private, 3);
        let ips: Vec<f64> = t
            .units()
            .iter()
            .filter_map(|u| u.population.ips_mean)
            .collect();
        let (lo, hi) = ips
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), &x| (l.min(x), h.max(x)));
        assert!(
            (60.0..80.0).contains(&lo) && hi > 130.0 && hi <= 155.0,
            "{lo} {hi}"
        );
        // every block touches at least one other block
        let isolated = t
            .unit_ids()
            .filter(|&u| t.adjacency().of(u).is_empty())
            .count();
        assert_eq!(isolated, 0);
        // the baseline is segregated: Louise-Michel far below the town, Jaurès above
        let m = Metrics::new(t, &town.baseline, MetricsConfig::default());
        let lm = m.college(CollegeId(3), t);
        let jj = m.college(CollegeId(0), t);
        assert!(lm.ips_mean.unwrap() < 85.0, "{:?}", lm.ips_mean);
        assert!(jj.ips_mean.unwrap() > 120.0, "{:?}", jj.ips_mean);
        assert!(jj.capacity_use.unwrap() > 1.0);
        assert!(lm.capacity_use.unwrap() < 0.75);
        let d = m
            .territory()
            .minority(Minority::Boursiers)
            .unwrap()
            .dissimilarity
            .unwrap();
        assert!(d > 0.25, "{d}");
    }
}
