#!/usr/bin/env python3
"""Urgent categories on real text (issue 23, part 3): the labelled reviews of scripts/eval/urgent_labels.csv,
read from ../shared/data/labelled-reviews by the real `reputa` and flagged with the default rules.

The labels name real reviews by id only (the texts are never copied into the repository): `innocent` rows
contain a word some category could catch (truffle, sue, privacy, hospital, vetro, leak, …) but describe no
such harm, each read and judged by hand; `complaint` rows are real complaints of their category, found with
broad searches in five languages (not only the words the terms know) and each read and judged by hand. A
review may be a complaint of several categories (one row each).

The rows are imported WITHOUT their rating, as a star-less feed would deliver them: the flagger decides on
the text alone (negative text, no rating), the hard case. The portal's language goes in with each row
(the CSV kind carries a language column), as a feed that declares it would.

Prints the innocent reviews that got an urgent flag (must be none; their ids and matched reasons), those
that got any category (informational: a refund demand is `high`, not urgent), and per category the
complaints found and the recall (the flag carries that category). Exits 1 when an innocent review is
flagged urgent or a category's recall falls below its threshold (RECALL, set from the measurement below).

Usage: /usr/bin/python3 eval_urgent.py BINARY [FOLDER] [-v]   (-v: list the complaints each category missed)
"""
import csv, json, os, subprocess, sys, tempfile
from collections import defaultdict

# Measured 2026-12-06 on scripts/eval/urgent_labels.csv (852 innocent reviews; 459 complaint labels on 456
# reviews), text only, no ratings: 0 innocent reviews flagged urgent (270 with the Italian/English lists of
# issue 23 step 2); 17 innocent reviews carry a refund demand (level high, e.g. "sent it back for a refund"
# when the refund came). Recall now (before, same labels): food_safety 109/110 = 99.1 % (2 %), allergy
# 2/5 = 40 % (20 %; the data hold almost no allergy complaints, and reactions told without the word, "my skin
# was torn, itched, swell", are missed), legal_threat 23/24 = 95.8 % (62 %), data_leak 57/72 = 79.2 % (11 %),
# fraud 63/66 = 95.5 % (29 %), discrimination 41/43 = 95.3 % (77 %), injury 15/17 = 88.2 % (47 %),
# staff_abuse 27/30 = 90 % (10 %), refund_demand 83/92 = 90.2 % (97 %, with "my money" and any "refund").
# Thresholds sit under the measurement, so a change that loses real complaints fails; small sets get room.
RECALL = {
    "food_safety": 0.95, "allergy": 0.40, "legal_threat": 0.90, "data_leak": 0.75, "fraud": 0.90,
    "discrimination": 0.90, "injury": 0.80, "staff_abuse": 0.85, "refund_demand": 0.85,
}

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if a != "-v"]
binary = os.path.abspath(args[0])
folder = os.path.abspath(args[1] if len(args) > 1 else os.path.join(here, "..", "..", "shared", "data",
                                                                              "labelled-reviews"))
labels = list(csv.DictReader(open(os.path.join(here, "eval", "urgent_labels.csv"), encoding="utf-8", newline="")))
wanted = {r["id"] for r in labels}
rows = {}
for name in sorted(f for f in os.listdir(folder) if f.endswith(".csv")):
    for r in csv.DictReader(open(os.path.join(folder, name), encoding="utf-8", newline="")):
        if r["id"] in wanted:
            rows[r["id"]] = r
missing = sorted(wanted - rows.keys())
if missing:
    print(f"eval_urgent: {len(missing)} labelled ids not found in {folder}: {', '.join(missing[:5])}")
    sys.exit(2)


def run(args, cwd):
    done = subprocess.run([binary] + args, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        print(f"eval_urgent: reputa {' '.join(args[:2])} failed ({done.returncode}): {done.stderr.strip()[:400]}")
        sys.exit(2)
    return done.stdout


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "labelled.csv")
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "date", "rating", "language", "title", "text"])
        for i in sorted(rows):
            r = rows[i]
            w.writerow([i, "2026-01-01", "", r["lang"], r["title"], r["text"]])
    store = ["--store", os.path.join(tmp, "eval.sqlite")]
    run(["import", "--kind", "csv", "--source", "eval-urgent", "--location", "eval",
         "--map", "id=id,date=date,rating=rating,language=language,title=title,text=text"] + store + [path], tmp)
    flags = json.loads(run(["flags", "--format", "json"] + store, tmp))

by_id = {}
for f in flags:
    key = f.get("review_id") or f.get("id")
    by_id[str(key)] = f
if flags and not any(i in by_id for i in rows):
    print(f"eval_urgent: flag ids do not match review ids (e.g. {next(iter(by_id))})")
    sys.exit(2)

failed = False
innocent = sorted(r["id"] for r in labels if r["set"] == "innocent")
urgent_false, other_false = [], []
for i in innocent:
    f = by_id.get(i)
    if not f or not f.get("categories"):
        continue
    (urgent_false if f.get("level") == "urgent" else other_false).append(i)
print(f"innocent: {len(innocent)} reviews, {len(urgent_false)} flagged urgent, "
      f"{len(other_false)} with a non-urgent category (refund demand)")
for i in urgent_false + other_false:
    f = by_id[i]
    reasons = [x for x in f.get("reasons", []) if ":" in x and not x.startswith(("negative text", "rated"))]
    print(f"  {'URGENT' if i in urgent_false else 'high  '} {i}: {', '.join(f['categories'])}: {' | '.join(reasons)}")
failed |= bool(urgent_false)

complaints = defaultdict(list)
for r in labels:
    if r["set"] == "complaint":
        complaints[r["category"]].append(r["id"])
print(f"\n{'category':<16}{'complaints':>11}{'found':>7}{'recall':>8}  threshold")
for cat in RECALL:
    ids = complaints.get(cat, [])
    found = sum(1 for i in ids if cat in (by_id.get(i) or {}).get("categories", []))
    share = found / len(ids) if ids else 0
    low = share < RECALL[cat]
    failed |= low
    print(f"{cat:<16}{len(ids):>11}{found:>7}{share:>8.1%}  {RECALL[cat]:.0%}{'  BELOW' if low else ''}")
if "-v" in sys.argv:
    for cat in RECALL:
        missed = [i for i in complaints.get(cat, []) if cat not in (by_id.get(i) or {}).get("categories", [])]
        print(f"missed {cat}: {' '.join(missed)}")
sys.exit(1 if failed else 0)
