#!/usr/bin/env bash
# Writes N distinct recipes as .cook files into DIR: the bundled recipes retitled, each with two
# extra ingredients, so recipes differ in foods and facts (the same scheme as benches/library.rs).
# Usage: bash scripts/gen-library.sh N DIR
set -euo pipefail
cd "$(dirname "$0")/.."
n=$1
dir=$2
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" '
  BEGIN {
    split("@baby spinach{2%handfuls}|@sauerkraut{1/2%cup}|@honey{1%tbsp}|@butter{2%tbsp}|@soy sauce{1%tbsp}|@kimchi{1/4%cup}|@walnuts{30%g}|@white wine{100%ml}|@chickpeas{400%g}|@kale{1%bunch}|@red onion{1}|@shiitake mushrooms{150%g}|@greek yogurt{1%cup}|@rolled oats{1%cup}|@tofu{200%g}", extras, "|")
    split("Sunday|Quick|Spicy|Green|Golden|Harvest|Weeknight|Smoky|Bright|Cosy", words, "|")
    ne = 15; nw = 10
  }
  FNR == 1 { files++; name[files] = FILENAME; lines[files] = 0 }
  { lines[files]++; text[files, lines[files]] = $0 }
  END {
    for (i = 0; i < n; i++) {
      f = i % files + 1
      base = name[f]; sub(/^.*\//, "", base); sub(/\.cook$/, "", base)
      out = dir "/" base "-" i ".cook"
      titled = 0
      for (l = 1; l <= lines[f]; l++) {
        line = text[f, l]
        if (!titled && line ~ /^title: /) { sub(/^title: /, "title: " words[i % nw + 1] " ", line); line = line " " i; titled = 1 }
        print line > out
      }
      print "\nFinish with " extras[i % ne + 1] " and " extras[(int(i / ne) + 3) % ne + 1] "." > out
      close(out)
    }
  }' recipes/*.cook
