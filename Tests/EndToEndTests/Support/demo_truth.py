"""What the demo oracles share: the generator's record (snapshots/truth.json), the config
(sources.yml), its zone, and each location name or alias mapped to the location's id."""
import json
from zoneinfo import ZoneInfo
import yaml


def load(truth_path, config_path):
    truth = json.load(open(truth_path))
    config = yaml.safe_load(open(config_path))
    alias = {}
    for loc in config["locations"]:
        alias[loc["name"]] = loc["id"]
        for a in loc.get("aliases", []):
            alias[a] = loc["id"]
    return truth, config, ZoneInfo(config["timezone"]), alias
