#!/usr/bin/env python3
"""
Independent oracle for aigis' PyPI advisory matching.

Builds (advisory, package, version) pairs from real OSV records by enumerating versions around every
range event (below / at / above, pre-, post-, dev-releases, local builds, the next epoch) and every
explicitly listed version, and decides each pair with `packaging.version` — the version semantics pip
itself uses — following the OSV evaluation rules:

  * a range: events in version order; introduced  v >= e -> affected; fixed v >= e -> not;
    last_affected v > e -> not; limit: v must be below some limit;
  * `versions`: v is affected when `v in SpecifierSet("==X")` for a listed X (pip's == semantics:
    a local build X+cu121 is the release X);
  * a range with a version packaging cannot parse is not evaluated (no guessing).

Writes test/fixtures/pep440-agreement.json, which test/vuln/pep440-agreement.test.ts compares with the
TypeScript matcher, and `node scripts/check-pep440-agreement.mjs` reports the agreement figures.

  /usr/bin/python3 scripts/check-pep440-oracle.py [--full] [OSV_DIR] [OUT]
"""
import json
import os
import sys

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
# --full keeps every listed version; by default one listed version in 8 is kept so the committed
# fixture stays small (every event variant is always kept).
FULL = "--full" in sys.argv
SRC = ARGS[0] if len(ARGS) > 0 else os.path.join(ROOT, "..", "..", "shared", "advisories", "osv")
OUT = ARGS[1] if len(ARGS) > 1 else os.path.join(ROOT, "test", "fixtures", "pep440-agreement.json")


def parse(v):
    try:
        return Version(v)
    except InvalidVersion:
        return None


def variants(v):
    """Versions around v: below, at and above it."""
    pv = parse(v)
    if pv is None:
        return []
    out = {v}
    base = pv.base_version
    rel = list(pv.release)
    out.update({base + ".dev0", base + "a1", base + "rc1", base})
    if pv.post is None and pv.dev is None and pv.local is None:
        out.add(v + ".post1")
    if pv.local is None:
        out.update({v + "+cu121", v + "+local.7"})
    nxt = rel[:-1] + [rel[-1] + 1]
    out.add(".".join(map(str, nxt)))
    if rel[-1] > 0:
        out.add(".".join(map(str, rel[:-1] + [rel[-1] - 1])))
    if pv.epoch == 0:
        out.add("1!" + base)
    return sorted(out)


def in_range(ver, events):
    parsed = []
    for e in events:
        (kind, val), = e.items()
        if kind == "introduced" and val == "0":
            parsed.append((kind, None))
            continue
        if kind == "limit" and val == "*":
            continue
        pv = parse(val)
        if pv is None:
            return None  # not evaluated
        parsed.append((kind, pv))
    parsed.sort(key=lambda p: (p[1] is not None, p[1] or Version("0")))
    limits = [p for k, p in parsed if k == "limit"]
    if limits and not any(ver < l for l in limits):
        return False
    affected = False
    for kind, pv in parsed:
        if kind == "introduced" and (pv is None or ver >= pv):
            affected = True
        elif kind == "fixed" and ver >= pv:
            affected = False
        elif kind == "last_affected" and ver > pv:
            affected = False
    return affected


def listed(ver_str, ver, versions):
    """pip's `ver in SpecifierSet("==X")` for any listed X, with sets instead of a loop (same result:
    X without a local label matches ver's public part, X with one must equal ver)."""
    key = tuple(versions)
    sets = _listed_cache.get(key)
    if sets is None:
        raw, public, exact = set(), set(), set()
        for x in versions:
            px = parse(x)
            if px is None:
                raw.add(x)
            elif px.local is None:
                public.add(px)
            else:
                exact.add(px)
        sets = _listed_cache[key] = (raw, public, exact)
    raw, public, exact = sets
    return ver_str in raw or Version(ver.public) in public or ver in exact


_listed_cache = {}


def _self_check():
    """The set shortcut agrees with SpecifierSet on the cases that matter."""
    for x, v, want in [("2.6.0", "2.6.0+cu126", True), ("2.6.0+cu124", "2.6.0", False), ("2.6.0", "2.6.0.post1", False), ("1.0rc1", "1.0rc1", True)]:
        assert SpecifierSet("==" + x).contains(Version(v), prereleases=True) == want
        assert listed(v, Version(v), [x]) == want


def main():
    _self_check()
    pairs = {}
    skipped_ranges = 0
    total = 0
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".json"):
            continue
        rec = json.load(open(os.path.join(SRC, name), encoding="utf-8"))
        if rec.get("withdrawn"):
            continue
        for aff in rec.get("affected", []):
            pkg = aff.get("package", {})
            if pkg.get("ecosystem") != "PyPI":
                continue
            ranges = [r for r in aff.get("ranges", []) if r.get("type") in ("ECOSYSTEM", "SEMVER")]
            versions = aff.get("versions", []) or []
            candidates = set()
            for r in ranges:
                for e in r["events"]:
                    (_, val), = e.items()
                    if val != "0":
                        candidates.update(variants(val))
            for i, x in enumerate(versions):
                if not FULL and i % 8 != 0:
                    continue
                # Listed versions: the version itself and a local build of it (their neighbours are
                # mostly other listed versions, and the event variants already probe the edges).
                candidates.add(x)
                if parse(x) is not None and parse(x).local is None:
                    candidates.add(x + "+cu121")
            pname = pkg["name"]
            entry = pairs.setdefault(rec["id"], {}).setdefault(pname, {})
            for c in sorted(candidates):
                ver = parse(c)
                if ver is None:
                    continue
                results = []
                for r in ranges:
                    res = in_range(ver, r["events"])
                    if res is None:
                        skipped_ranges += 1
                    results.append(bool(res))
                hit = any(results) or listed(c, ver, versions)
                # Several affected entries for one package are OR-ed.
                entry[c] = 1 if (entry.get(c, 0) or hit) else 0
    out = {rid: {p: [[v, a] for v, a in sorted(vs.items())] for p, vs in pk.items()} for rid, pk in pairs.items()}
    total = sum(len(v) for pk in out.values() for v in pk.values())
    positives = sum(a for pk in out.values() for v in pk.values() for _, a in v)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"generator": "scripts/check-pep440-oracle.py (packaging.version)", "pairs": out}, f, separators=(",", ":"))
    print(f"{OUT}: {total} pairs ({positives} affected, {total - positives} not) from {len(out)} records; "
          f"{skipped_ranges} range evaluations skipped for versions packaging cannot parse")


main()
