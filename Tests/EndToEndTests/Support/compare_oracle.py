#!/usr/bin/env python3
"""Independent weekly figures for the demo: what `reputa compare --format json` must report.

Reads the generator's record of every review it wrote (snapshots/truth.json) and sources.yml,
and counts, per location x portal (ours) and per competitor x location, the reviews created in
one ISO week of the config's timezone: the star distribution and the replied count. Nothing
here uses Reputa's code; the test derives mean, top-2-box and shares from these counts.
usage: compare_oracle.py TRUTH.json SOURCES.yml WEEK
"""
import json, sys
from datetime import datetime
from demo_truth import load

truth, config, zone, alias = load(sys.argv[1], sys.argv[2])
week = sys.argv[3]
KIND_PORTAL = {"appstore-rss": "appstore", "google-business": "google"}

cells = {}
for source in config["sources"]:
    name = source["name"]
    portal = source.get("portal") or KIND_PORTAL.get(source["kind"], source["kind"])
    competitor = source.get("competitor", "")
    for r in truth["sources"][name]["reviews"]:
        if r["deleted"]:
            continue
        created = datetime.fromisoformat(r["created"].replace("Z", "+00:00")).astimezone(zone)
        y, w, _ = created.isocalendar()
        if f"{y}-W{w:02d}" != week:
            continue
        location = source.get("location") or alias.get(r["location"] or "", "")
        keys = [f"{competitor}|{location}|{portal}", f"{competitor}|{location}|all"]
        if not competitor:
            keys += [f"|all|{portal}", "|all|all"]
        for key in keys:
            c = cells.setdefault(key, {"reviews": 0, "distribution": [0, 0, 0, 0, 0], "replied": 0})
            c["reviews"] += 1
            c["distribution"][int(r["rating"]) - 1] += 1
            c["replied"] += 1 if r["replied"] else 0
print(json.dumps(cells, sort_keys=True))
