#!/usr/bin/env python3
"""Trains Reputa's negativity model (issue 23) on the real labelled reviews of
../shared/data/labelled-reviews and writes Sources/ReputaAnalysis/Resources/negativity.model.

    /usr/bin/python3 scripts/train_negativity.py BINARY [--data DIR] [--out FILE] [--folds DIR]

- Features come from the real binary (`reputa score-text --features`): the model reads exactly what
  the flagger computes, and a change to the features (NegativityFeatures.version) needs a retrain.
- Truth: 1–2★ of 5 (0 of the binary sets) is negative; 3★ counts as not negative.
- Licences decide what may ship (MANIFEST.md): files named in EVALUATION_ONLY (the CC BY-NC-ND
  it-amazon-* and the academic-only Rest-Mex es-tripadvisor-*) never go into the weights.
- Logistic regression (scikit-learn, liblinear, L2 with C = 0.03: strong, so that what carries across
  portals, the lexicon's signals and general words, outweighs one portal's vocabulary), no intercept
  (the features hold a prior); each review also once without its words (`fit`). Within a file negatives and the rest weigh the same; files weigh in
  proportion to their size up to 3,000 reviews (`file_weights`).
- The decision threshold is chosen on portals the model did not see: every training file is held
  out in turn, the model trained on the others scores it, and the threshold that maximises the mean
  F1 over those held-out files is kept. The held-out models are written to --folds (for `make eval`),
  each with the threshold chosen on the other files' held-out scores.
- Weights are stored as signed bytes × one scale (2^20 of them: 1 MiB).
Same data, same binary, same scikit-learn: the same bytes.
"""
import argparse, csv, os, struct, subprocess, sys, tempfile
import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
EVALUATION_ONLY = ("it-amazon-", "es-tripadvisor-")
FEATURES_VERSION = 2
BITS = 20
C = 0.03
CAP = 3000
AUG = 1.0
SEED = 20261206


def evaluation_only(name):
    return name.startswith(EVALUATION_ONLY)


def truth(row):
    rating, scale = int(row["rating"]), int(row["scale_max"])
    return int(rating == 0) if scale == 1 else int(rating <= 2)


def featurize(binary, path):
    """(ids, languages, CSR matrix, labels, general buckets) of one labelled CSV, through `reputa score-text --features`."""
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    with tempfile.TemporaryDirectory() as tmp:
        staged = os.path.join(tmp, "reviews.csv")
        with open(staged, "w", encoding="utf-8", newline="") as out:
            w = csv.writer(out)
            w.writerow(["id", "date", "rating", "title", "text"])
            for r in rows:
                w.writerow([r["id"], "2026-01-01", "5", r["title"], r["text"]])  # the rating is hidden
        run = subprocess.run([binary, "score-text", "--features", "--kind", "csv", "--map",
                              "id=id,date=date,rating=rating,title=title,text=text", staged],
                             capture_output=True, text=True, cwd=tmp)
    if run.returncode != 0:
        sys.exit(f"train: {path}: reputa score-text failed: {run.stderr.strip()[:400]}")
    label = {r["id"]: truth(r) for r in rows}
    ids, langs, y, indptr, indices, values, general = [], [], [], [0], [], [], set()
    for line in run.stdout.splitlines():
        rid, lang, cells = line.split("\t")
        for cell in cells.split():
            b, v = cell.split(":")
            if b.startswith("g"):
                b = b[1:]
                general.add(int(b))
            indices.append(int(b))
            values.append(float(v))
        indptr.append(len(indices))
        ids.append(rid)
        langs.append(lang)
        y.append(label[rid])
    X = csr_matrix((np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)), shape=(len(ids), 1 << BITS))
    return ids, langs, X, np.array(y), general


def load(binary, folder):
    """Every labelled file, featurized: {name: (ids, langs, X, y)}."""
    data = {}
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".csv")):
        data[name[:-4]] = featurize(binary, os.path.join(folder, name))
        print(f"train: {name}: {len(data[name[:-4]][0])} reviews", file=sys.stderr)
    return data


def file_weights(y):
    """Sample weights of one file: its negatives and the rest weigh the same in total (the files'
    shares of negatives, 3 % to 61 %, are their portals', not something to learn), and a file weighs
    in proportion to its size up to CAP reviews, the same beyond (no portal drowns the others, and
    a file of a few hundred reviews, 22 of them negative, does not count as much as 10,000)."""
    total = 1000.0 * min(1.0, len(y) / CAP)
    negatives, rest = max(1, int(y.sum())), max(1, int(len(y) - y.sum()))
    return np.where(y == 1, 0.5 * total / negatives, 0.5 * total / rest)


def fit(data, names):
    """Weights of a model trained on the files `names`: every review twice, as it is and with its
    words taken out (the prior and the lexicon's signals only, at AUG of its weight), so that the
    lexicon's signals are learnt to decide on their own too, as they must on a portal whose words
    the training never saw."""
    from scipy.sparse import diags, vstack
    general = sorted(set().union(*(data[n][4] for n in names)))
    mask = np.zeros(1 << BITS)
    mask[general] = 1
    keep = diags(mask)
    X = vstack([data[n][2] for n in names] + [(data[n][2] @ keep).tocsr() for n in names]).tocsr()
    y = np.concatenate([data[n][3] for n in names] * 2)
    weight = np.concatenate([file_weights(data[n][3]) for n in names]
                            + [AUG * file_weights(data[n][3]) for n in names])
    model = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, max_iter=1000, random_state=SEED)
    model.fit(X, y, sample_weight=weight)
    return model.coef_[0].astype(np.float64)


def probabilities(weights, X):
    z = X @ weights
    return 1 / (1 + np.exp(-z))


def f1(y, p, t):
    pred = p >= t
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def best_threshold(held):
    """The threshold with the best mean F1 over held-out files: [(y, p), …]."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [np.mean([f1(y, p, t) for y, p in held]) for t in grid]
    return float(grid[int(np.argmax(scores))])


def write(path, weights, threshold):
    scale = max(float(np.abs(weights).max()), 1e-6) / 127
    q = np.clip(np.round(weights / scale), -127, 127).astype(np.int8)
    with open(path, "wb") as out:
        out.write(b"RPNM" + struct.pack("<IIIff", 1, FEATURES_VERSION, BITS, scale, threshold) + struct.pack("<I", 0))
        out.write(q.tobytes())


def train(binary, folder, out, folds):
    data = load(binary, folder)
    allowed = [n for n in data if not evaluation_only(n)]
    held = {}
    fold_weights = {}
    for name in allowed:
        rest = [n for n in allowed if n != name]
        fold_weights[name] = fit(data, rest)
        held[name] = (data[name][3], probabilities(fold_weights[name], data[name][2]))
        print(f"train: held out {name}: F1 {f1(*held[name], 0.5):.3f} at 0.5", file=sys.stderr)
    threshold = best_threshold(list(held.values()))
    if folds:
        os.makedirs(folds, exist_ok=True)
        for name in allowed:
            t = best_threshold([held[n] for n in allowed if n != name])
            write(os.path.join(folds, name + ".model"), fold_weights[name], t)
    weights = fit(data, allowed)
    write(out, weights, threshold)
    print(f"train: {out}: trained on {len(allowed)} files ({', '.join(allowed)}), threshold {threshold:.2f}", file=sys.stderr)


if __name__ == "__main__":
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("binary")
    a.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "labelled-reviews"))
    a.add_argument("--out", default=os.path.join(HERE, "..", "Sources", "ReputaAnalysis", "Resources", "negativity.model"))
    a.add_argument("--folds", help="also write the held-out models here, one per training file")
    args = a.parse_args()
    train(os.path.abspath(args.binary), args.data, args.out, args.folds)
