#!/usr/bin/env python3
"""Independent figures for the weekly report's headline: what its first sentences must say.

Reads the generator's record of every review (snapshots/truth.json) and sources.yml, and works
out, for one ISO week of the config's zone: our average (stars, 1-5) and volume in the week, in
the previous week and in the 4 weeks before it, with the tests' verdicts (Welch's t from SciPy
for the averages; the conditional test of two Poisson rates for the volume), and our rank among
the competitors at each location by Bayesian average (prior: the week's mean of every review on
0-100, weight 10; competition ranking on one decimal). Nothing here uses Reputa's code.
usage: headline_oracle.py TRUTH.json SOURCES.yml WEEK
"""
import json, sys
from datetime import date, datetime, timedelta
from scipy import stats
from demo_truth import load

truth, config, zone, alias = load(sys.argv[1], sys.argv[2])
week = sys.argv[3]


def label(d):
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


monday = date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
previous = label(monday - timedelta(days=7))
baseline = [label(monday - timedelta(days=7 * k)) for k in range(4, 0, -1)]

ours = {}       # week -> [stars]
entities = {}   # (location, name) -> [stars] in the week
everyone = []   # every rating of the week, ours and competitors'
for source in config["sources"]:
    name = source["name"]
    if name not in truth["sources"]:
        continue
    competitor = source.get("competitor", "")
    for r in truth["sources"][name]["reviews"]:
        if r["deleted"]:
            continue
        w = label(datetime.fromisoformat(r["created"].replace("Z", "+00:00")).astimezone(zone).date())
        stars = int(r["rating"])
        if not competitor:
            ours.setdefault(w, []).append(stars)
        if w != week:
            continue
        everyone.append(stars)
        location = source.get("location") or alias.get(r["location"] or "", "")
        entities.setdefault((location, competitor or "us"), []).append(stars)


def mean(xs):
    return sum(xs) / len(xs) if xs else None


def welch(a, b):
    if len(a) < 2 or len(b) < 2:
        return "not testable"
    t, p = stats.ttest_ind(a, b, equal_var=False)
    return "within noise" if p >= 0.05 else ("higher" if t > 0 else "lower")


def rates(x, t1, y, t2):
    if x + y < 10:
        return "not testable"
    p0 = t1 / (t1 + t2)
    z = (x - (x + y) * p0) / ((x + y) * p0 * (1 - p0)) ** 0.5
    return "within noise" if abs(z) <= stats.norm.ppf(0.975) else ("higher" if z > 0 else "lower")


this, prev = ours.get(week, []), ours.get(previous, [])
base = [s for w in baseline for s in ours.get(w, [])]
prior = mean([(s - 1) / 4 * 100 for s in everyone])
standings = {}
for location in sorted({l for (l, n) in entities if n != "us"}):
    scored = []
    for (l, n), xs in entities.items():
        if l != location:
            continue
        r = mean([(s - 1) / 4 * 100 for s in xs])
        scored.append((n, round((len(xs) * r + 10 * prior) / (len(xs) + 10), 1)))
    values = [v for _, v in scored]
    us = dict(scored).get("us")
    standings[location] = {"rank": 1 + sum(1 for v in values if v > us), "of": len(scored)} if us is not None else None

print(json.dumps({
    "week": week, "previous_week": previous, "baseline_weeks": baseline,
    "reviews": len(this), "average": mean(this),
    "previous_reviews": len(prev), "previous_average": mean(prev),
    "baseline_reviews": len(base), "baseline_average": mean(base),
    "average_vs_previous": welch(this, prev), "average_vs_baseline": welch(this, base),
    "volume_vs_previous": rates(len(this), 1, len(prev), 1), "volume_vs_baseline": rates(len(this), 1, len(base), 4),
    "standings": standings,
}, sort_keys=True))
