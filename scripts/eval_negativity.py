#!/usr/bin/env python3
"""`make eval`, negativity (issue 23): how well the flagger finds negative reviews from their text
alone, on real labelled reviews from portals the model never saw.

    /usr/bin/python3 scripts/eval_negativity.py BINARY [DATA] [SHIPPED_MODEL]
    (EVAL_FOLDS=DIR: use the held-out models train_negativity.py --folds DIR wrote, instead of retraining)

Every file of ../shared/data/labelled-reviews is turned into an Atom feed without ratings (as a
feed delivers reviews), imported with the real `reputa` into a new store and flagged with
`reputa flags`; a review counts as found when its flag gives "negative text" as a reason.
Truth: 1–2★ (0 on the binary sets) is negative, 3★ is not. The model that judges a file never saw
it: evaluation-only files (licence) are judged by the shipped model; every training file by the
model trained on all the others (scripts/train_negativity.py --folds, retrained here), which
takes the threshold chosen on the other files. Prints precision, recall and F1 per file and per
language (pooled), beside the lexicon alone's F1 (the scorer before the model), and exits 1 when a language's F1 falls below its floor (FLOORS: set from the
measurements, below the issue's targets where those are not met yet; see docs/flags.md).
The texts are read in place and never copied into the repository.
"""
import csv, json, os, subprocess, sys, tempfile
from collections import defaultdict
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_negativity as T

# Measured 2026-12-06 (docs/flags.md): it 0.65, en 0.76, fr 0.76, de 0.70, es 0.81 (the lexicon
# alone: 0.52, 0.59, 0.61, 0.59, 0.78). Floors a little under; it and en are below the 0.80.
FLOORS = {"it": 0.63, "en": 0.74, "fr": 0.74, "de": 0.68, "es": 0.79}
TARGETS = {"it": 0.80, "en": 0.80, "fr": 0.70, "de": 0.70, "es": 0.70}


def feed(rows, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                  '<title>eval</title><id>urn:eval</id><updated>2026-01-01T00:00:00Z</updated>\n')
        for r in rows:
            out.write(f'<entry><id>urn:{escape(r["id"])}</id><title>{escape(r["title"])}</title>'
                      f'<updated>2026-01-01T00:00:00Z</updated><author><name>-</name></author>'
                      f'<content type="text">{escape(r["text"])}</content></entry>\n')
        out.write("</feed>\n")


def found(binary, rows, model, tmp):
    """The ids the flagger calls negative from their text, with `model` (REPUTA_NEGATIVITY_MODEL)."""
    path = os.path.join(tmp, "reviews.xml")
    store = os.path.join(tmp, "eval.sqlite")
    for leftover in (store, store + "-wal", store + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    feed(rows, path)
    env = dict(os.environ, REPUTA_NEGATIVITY_MODEL=model)
    for args in (["import", "--kind", "atom", "--source", "eval", "--store", store, path],
                 ["flags", "list", "--store", store, "--format", "json"]):
        run = subprocess.run([binary] + args, capture_output=True, text=True, cwd=tmp, env=env)
        if run.returncode != 0:
            sys.exit(f"eval: reputa {args[0]} failed: {run.stderr.strip()[:400]}")
    flags = json.loads(run.stdout)
    return {f["review_id"][len("urn:"):] for f in flags if any(r.startswith("negative text") for r in f["reasons"])}


def lexicon_alone(binary, rows, tmp):
    """The ids the lexicon alone calls negative (score ≤ −1), from `reputa score-text`: the baseline."""
    path = os.path.join(tmp, "reviews.csv")
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "date", "rating", "title", "text"])
        for r in rows:
            w.writerow([r["id"], "2026-01-01", "5", r["title"], r["text"]])
    run = subprocess.run([binary, "score-text", "--format", "json", "--kind", "csv", "--map",
                          "id=id,date=date,rating=rating,title=title,text=text", path], capture_output=True, text=True, cwd=tmp)
    if run.returncode != 0:
        sys.exit(f"eval: reputa score-text failed: {run.stderr.strip()[:400]}")
    return {r["id"] for r in json.loads(run.stdout) if r["lexicon_score"] <= -1}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    binary = os.path.abspath(sys.argv[1])
    folder = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(T.HERE, "..", "..", "shared", "data", "labelled-reviews")
    shipped = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else os.path.join(T.HERE, "..", "Sources", "ReputaAnalysis", "Resources", "negativity.model")
    per_lang = defaultdict(lambda: [0, 0, 0])
    per_lang_base = defaultdict(lambda: [0, 0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        folds = os.environ.get("EVAL_FOLDS")  # held-out models already trained (train_negativity.py --folds)
        if not folds:
            folds = os.path.join(tmp, "folds")
            retrained = os.path.join(tmp, "negativity.model")
            T.train(binary, folder, retrained, folds)
            same = open(retrained, "rb").read() == open(shipped, "rb").read()
            print(f"shipped model {'is' if same else 'is NOT'} what scripts/train_negativity.py trains from this data and binary")
        print(f"\n{'held-out file':<34}{'model':>8}{'reviews':>9}{'negative':>10}{'precision':>11}{'recall':>8}{'F1':>7}"
              f"{'lexicon alone F1':>18}")
        for name in sorted(f for f in os.listdir(folder) if f.endswith(".csv")):
            stem = name[:-4]
            rows = list(csv.DictReader(open(os.path.join(folder, name), encoding="utf-8", newline="")))
            model = shipped if T.evaluation_only(stem) else os.path.join(folds, stem + ".model")
            got = found(binary, rows, model, tmp)
            tp = sum(1 for r in rows if T.truth(r) and r["id"] in got)
            fp = sum(1 for r in rows if not T.truth(r) and r["id"] in got)
            fn = sum(1 for r in rows if T.truth(r) and r["id"] not in got)
            p, r, f = prf(tp, fp, fn)
            lang = rows[0]["lang"]
            for i, v in enumerate((tp, fp, fn)):
                per_lang[lang][i] += v
            base = lexicon_alone(binary, rows, tmp)
            counts = (sum(1 for x in rows if T.truth(x) and x["id"] in base), sum(1 for x in rows if not T.truth(x) and x["id"] in base),
                      sum(1 for x in rows if T.truth(x) and x["id"] not in base))
            for i, v in enumerate(counts):
                per_lang_base[lang][i] += v
            kind = "shipped" if model == shipped else "fold"
            print(f"{stem:<34}{kind:>8}{len(rows):>9}{tp + fn:>10}{p:>11.2f}{r:>8.2f}{f:>7.2f}{prf(*counts)[2]:>18.2f}", flush=True)
    print()
    failed = False
    for lang in sorted(per_lang):
        p, r, f = prf(*per_lang[lang])
        floor = FLOORS.get(lang, 0.0)
        failed |= f < floor
        status = f"floor {floor:.2f}" if f >= floor else f"BELOW the floor {floor:.2f}"
        print(f"language {lang}: precision {p:.2f}, recall {r:.2f}, F1 {f:.2f}  ({status}; issue target {TARGETS[lang]:.2f}; "
              f"the lexicon alone {prf(*per_lang_base[lang])[2]:.2f})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
