"""Writes a corpus of hostile files, each built to break a reader: deep nesting, decompression
bombs, huge polygons, lying indexes, huge fields, many rows. The real-data suite reads each
with the command line and bounds its time and memory (tests/hostile/run.py).

Usage: make_corpus.py OUTDIR [--full]
  --full  the sizes of the measures in the notes (1 million collège rows, a 200 MB GeoJSON);
          without it, sizes that keep the suite within minutes.
Prints one line per file: name, size in bytes.
"""
import gzip
import io
import json
import math
import struct
import sys
import zipfile
from pathlib import Path

out = Path(sys.argv[1])
full = "--full" in sys.argv
out.mkdir(parents=True, exist_ok=True)


def ring(n, cx=2.35, cy=48.85, r=0.01):
    pts = [[cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)] for k in range(n)]
    pts.append(pts[0])
    return pts


def collection(features):
    return {"type": "FeatureCollection", "features": features}


def square_feature(i, extra=None):
    x, y = 2.30 + (i % 100) * 0.001, 48.80 + (i // 100) * 0.001
    props = {"code": f"U{i:07d}", "nom": f"Îlot {i}", "population": 100 + i % 50}
    if extra:
        props.update(extra)
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]]},
    }


def write(name, data):
    p = out / name
    if isinstance(data, str):
        data = data.encode()
    p.write_bytes(data)
    print(name, len(data))


# --- nesting -----------------------------------------------------------------------------
write("deep-json.geojson", '{"type":"FeatureCollection","features":[' + "[" * 200_000 + "]" * 200_000 + "]}")
write("deep-properties.geojson", json.dumps(collection([square_feature(0)]))[:-2]
      .replace('"population": 100', '"population": ' + '{"a":' * 50_000 + "1" + "}" * 50_000) + "]}")
write("deep.osm", '<?xml version="1.0"?><osm version="0.6">' + "<a>" * 300_000 + "</a>" * 300_000 + "</osm>")


# a small valid shapefile (one square), for the .prj and .shx cases
def shapefile(squares):
    recs = []
    for i in range(squares):
        x, y = 650000.0 + i * 100, 6860000.0
        pts = [(x, y), (x, y + 100), (x + 100, y + 100), (x + 100, y), (x, y)]
        content = struct.pack("<i4dii", 5, x, y, x + 100, y + 100, 1, len(pts)) + struct.pack("<i", 0)
        content += b"".join(struct.pack("<2d", *p) for p in pts)
        recs.append(content)
    xmin, ymin, xmax, ymax = 650000.0, 6860000.0, 650000.0 + squares * 100, 6860100.0

    def header(length_words):
        return struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length_words) + struct.pack("<2i4d4d", 1000, 5, xmin, ymin, xmax, ymax, 0, 0, 0, 0)

    body, index, offset = b"", b"", 50
    for k, c in enumerate(recs):
        body += struct.pack(">2i", k + 1, len(c) // 2) + c
        index += struct.pack(">2i", offset, len(c) // 2)
        offset += 4 + len(c) // 2
    shp = header(50 + len(body) // 2) + body
    shx = header(50 + len(index) // 2) + index
    # dBASE III: one character field CODE
    n = squares
    dbf = struct.pack("<B3BIHH20x", 3, 126, 1, 1, n, 32 + 32 + 1, 1 + 10)
    dbf += b"CODE".ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([10, 0]) + b"\0" * 14 + b"\r"
    for k in range(n):
        dbf += b" " + f"Q{k:09d}".encode()
    dbf += b"\x1a"
    return shp, shx, dbf


LAMBERT93 = ('PROJCS["RGF93_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],'
             'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],'
             'PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],'
             'PARAMETER["Standard_Parallel_1",44.0],PARAMETER["Standard_Parallel_2",49.0],PARAMETER["Latitude_Of_Origin",46.5],'
             'UNIT["Meter",1.0]]')


def shapefile_set(stem, squares=3, prj=LAMBERT93, shx=None):
    shp, good_shx, dbf = shapefile(squares)
    for ext, data in (("shp", shp), ("shx", shx if shx is not None else good_shx), ("dbf", dbf), ("prj", prj)):
        write(f"{stem}.{ext}", data)


shapefile_set("deep-prj", prj='PROJCS["x",' * 3000 + "]" * 3000)
# a .shx whose offsets all point at the first record
shp, shx, dbf = shapefile(3)
lying = shx[:100] + b"".join(struct.pack(">2i", 50, 68) for _ in range(3))
shapefile_set("lying-shx", shx=lying)

# --- bombs -------------------------------------------------------------------------------
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("bombe.shp", "w", force_zip64=True) as f:
        block = b"\0" * (1 << 20)
        for _ in range(1024):
            f.write(block)
    z.writestr("bombe.dbf", b"")
    z.writestr("bombe.shx", b"")
write("bomb.zip", buf.getvalue())

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
    g.write(b'<?xml version="1.0"?><osm version="0.6">')
    block = b" " * (1 << 20)
    for _ in range(1024):
        g.write(block)
    g.write(b"</osm>")
write("bomb.osm.gz", buf.getvalue())

# --- huge shapes and fields --------------------------------------------------------------
for n in (30_000, 1_000_000):
    f = square_feature(0)
    f["geometry"]["coordinates"] = [ring(n)]
    write(f"polygon-{n}.geojson", json.dumps(collection([f])))

write("huge-header.csv", "UAI;" + "x" * (50 << 20) + "\n0750001A;1\n")
write("huge-cell.geojson", json.dumps(collection([square_feature(0, {"nom": "y" * (20 << 20)})])))

# --- many rows and a large file ----------------------------------------------------------
rows = 1_000_000 if full else 200_000
header = "Rentrée scolaire;Académie;Code du département;Département;UAI;Nom de l'établissment;Code INSEE de la commune;Nom de la commune;Secteur;IPS;Ecart-type de l'IPS\n"
lines = [header]
for i in range(rows):
    lines.append(f"2022-2023;PARIS;075;PARIS;{i:07d}{chr(65 + i % 26)};COLLEGE {i};75101;PARIS;public;{80 + i % 60}.5;30.1\n")
write(f"colleges-{rows}.csv", "".join(lines))

count = 120_000 if full else 30_000  # about 200 MB, or 50 MB
with open(out / f"units-{count}.geojson", "w") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    for i in range(count):
        if i:
            f.write(",\n")
        feat = square_feature(i)
        feat["geometry"]["coordinates"] = [ring(40, 2.0 + (i % 600) * 0.002, 48.0 + (i // 600) * 0.002, 0.0009)]
        f.write(json.dumps(feat))
    f.write("\n]}\n")
print(f"units-{count}.geojson", (out / f"units-{count}.geojson").stat().st_size)
