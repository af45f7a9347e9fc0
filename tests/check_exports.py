"""Opens Carte Mixité's sector exports with GDAL (through pyogrio), as QGIS would, and checks
them against each other. Usage: python3 tests/check_exports.py DIR (with s.geojson, s.shp).
Run by the real-data suite; exits non-zero with a message on the first problem."""
import sys

import pyogrio

d = sys.argv[1]
gj = pyogrio.read_info(f"{d}/s.geojson")
shp = pyogrio.read_info(f"{d}/s.shp")
assert gj["crs"] == "EPSG:4326", gj["crs"]
assert shp["crs"] == "EPSG:4326", shp["crs"]
assert gj["features"] == shp["features"] > 0, (gj["features"], shp["features"])
assert set(shp["fields"]) >= {"UAI", "NOM", "ELEVES", "IPS"}, shp["fields"]


def columns(path):
    """The attribute columns of a file, by name."""
    meta, _fids, _geometry, data = pyogrio.raw.read(path)
    return dict(zip(meta["fields"], data))


ga = columns(f"{d}/s.geojson")
sb = columns(f"{d}/s.shp")
assert list(ga["uai"]) == list(sb["UAI"]), "the two exports list the same collèges"
for x, y in zip(ga["pupils"], sb["ELEVES"]):
    assert abs(float(x) - float(y)) < 0.051, (x, y)
names = [str(n) for n in sb["NOM"]]
assert all("\ufffd" not in n for n in names), "accents survive the .dbf"
print(f"ok: {gj['features']} sectors, EPSG:4326, GeoJSON and Shapefile agree")
