#!/usr/bin/env python3
"""`make eval`, language identification (issue 23): every review of ../shared/data/labelled-reviews
read by the real `reputa` (`inspect`, the portal's language withheld) and the language Reputa
gives compared with the file's. Prints accuracy per file and per language on texts of 30+
characters, and exits 1 when a language falls below its threshold (THRESHOLDS, set from measurements).

Some rows are in another language than their file says (English reviews in the French Google Play
store, say). A row counts as mislabelled, and is left out, only when two independent detectors
agree against the label: Reputa's answer (CLD2 underneath) and langdetect's first choice (Debian's
python3-langdetect, a port of Google's language-detection, seeded).
The rows left out are counted per file.

Usage: /usr/bin/python3 eval_language.py BINARY [FOLDER]   (Debian's Python, for python3-langdetect)
The texts are read in place and never copied into the repository.
"""
import csv, json, os, subprocess, sys, tempfile
from collections import defaultdict
from langdetect import DetectorFactory, detect_langs

DetectorFactory.seed = 0

# The target: 98 % per language on texts of 30+ characters. Measured 2026-12-06: it 99.87,
# en 99.88, fr 98.58, de 99.75, es 99.12. Most of what is left are English reviews in the French
# and German stores that langdetect, weak on short texts, did not confirm, and Galician/Catalan
# answers on short Spanish ones.
THRESHOLDS = {"it": 0.98, "en": 0.98, "de": 0.98, "es": 0.98, "fr": 0.98}
MIN_CHARS = 30

binary = os.path.abspath(sys.argv[1])
folder = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data",
                                                                "labelled-reviews")
files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
per_lang = defaultdict(lambda: [0, 0])
wrong_by_lang = defaultdict(lambda: defaultdict(int))


def mislabelled(text, label, reputa):
    """True when langdetect, too, puts the text in Reputa's language, not the label's."""
    try:
        best = detect_langs(text)[0]
    except Exception:
        return False
    return best.lang == reputa and best.lang != label


print(f"{'file':<36}{'reviews':>9}{'30+ chars':>11}{'mislabelled':>13}{'correct':>10}  most common mistakes")
with tempfile.TemporaryDirectory() as tmp:
    for name in files:
        rows = list(csv.DictReader(open(os.path.join(folder, name), encoding="utf-8", newline="")))
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8", newline="") as out:
            w = csv.writer(out)
            w.writerow(["id", "date", "rating", "title", "text"])
            for r in rows:
                w.writerow([r["id"], "2026-01-01", "5", r["title"], r["text"]])
        run = subprocess.run([binary, "inspect", "--kind", "csv", "--format", "json",
                              "--map", "id=id,date=date,rating=rating,title=title,text=text", path],
                             capture_output=True, text=True, cwd=tmp)
        if run.returncode != 0:
            print(f"{name}: reputa inspect failed: {run.stderr.strip()[:300]}")
            sys.exit(2)
        got = {r["id"]: r["language"] for r in json.loads(run.stdout)}
        n = long = ok = noise = 0
        mistakes = defaultdict(int)
        for r in rows:
            n += 1
            text = (r["title"] + " " + r["text"]).strip()
            if len(text) < MIN_CHARS:
                continue
            lang = got.get(r["id"], "?")
            if lang != r["lang"] and mislabelled(text, r["lang"], lang):
                noise += 1
                continue
            long += 1
            if lang == r["lang"]:
                ok += 1
            else:
                mistakes[lang] += 1
                wrong_by_lang[r["lang"]][lang] += 1
            per_lang[r["lang"]][0] += 1
            per_lang[r["lang"]][1] += int(lang == r["lang"])
        top = ", ".join(f"{k} {v}" for k, v in sorted(mistakes.items(), key=lambda kv: -kv[1])[:3])
        print(f"{name:<36}{n:>9}{long:>11}{noise:>13}{ok / max(long, 1):>10.2%}  {top}")
print()
failed = False
for lang in sorted(per_lang):
    total, ok = per_lang[lang]
    share = ok / total
    threshold = THRESHOLDS.get(lang, 0.98)
    mark = f"  (threshold {threshold:.1%})" if share >= threshold else f"  BELOW {threshold:.1%}"
    failed |= share < threshold
    top = ", ".join(f"{k} {v}" for k, v in sorted(wrong_by_lang[lang].items(), key=lambda kv: -kv[1])[:4])
    print(f"language {lang}: {ok}/{total} = {share:.2%} correct on texts of {MIN_CHARS}+ characters{mark}  (wrong: {top})")
sys.exit(1 if failed else 0)
