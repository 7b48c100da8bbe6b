import Foundation
import ReputaAnalysis
import ReputaCore
import Yams

/// The `flags:` section: thresholds, SLAs, business hours, lexicon overrides and routes.
extension ConfigLoader {
    static let flagKeys = ["own_reviews_only", "rating_at_most", "min_priority", "high_from", "urgent_from", "sla",
                           "business_hours", "reach", "spike", "categories", "topics", "routes", "default_channel",
                           "alert_max_age"]
    static let groupKeys = ["id", "name", "terms", "priority", "level"]
    static let routeKeys = ["channel", "level", "topics", "categories", "locations", "portals"]

    func flagRules(_ node: Node?, timezone: String, locations: [Configuration.Location]) throws -> FlagRules {
        var rules = FlagRules()
        guard let node else { return rules }
        let m = try mapping(node, "flags")
        try checkKeys(m, allowed: Self.flagKeys, path: "flags")
        var routeNodes: Node? = nil
        for (key, value) in m.pairs {
            let path = "flags.\(key)"
            switch key {
            case "own_reviews_only": rules.ownReviewsOnly = try bool(value, path)
            case "rating_at_most":
                for (scaleText, v) in try mapping(value, path).pairs {
                    guard let scale = RatingScale(parsing: scaleText) else {
                        throw error(v, "\(path).\(scaleText)", "\"\(scaleText)\" is not a scale like 1-5 or 0-10")
                    }
                    rules.ratingAtMost[scale.description] = try number(v, "\(path).\(scaleText)", scale.min...scale.max)
                }
            case "min_priority": rules.minPriority = try integer(value, path, 1...100)
            case "high_from": rules.highFrom = try integer(value, path, 1...100)
            case "urgent_from": rules.urgentFrom = try integer(value, path, 1...100)
            case "sla":
                let sla = try mapping(value, path)
                try checkKeys(sla, allowed: FlagLevel.allCases.map(\.rawValue), path: path)
                for (level, v) in sla.pairs {
                    let text = try string(v, "\(path).\(level)")
                    guard let seconds = Self.duration(text) else {
                        throw error(v, "\(path).\(level)", "\"\(text)\" is not a duration like 30m, 4h or 3d")
                    }
                    rules.sla[FlagLevel(rawValue: level)!] = seconds
                }
            case "business_hours":
                let known = ["default"] + locations.map(\.id)
                let hours = try mapping(value, path)
                try checkKeys(hours, allowed: known, path: path)
                for (id, v) in hours.pairs {
                    let zone = locations.first { $0.id == id }?.timezone ?? timezone
                    switch BusinessHours.parse(try string(v, "\(path).\(id)"), zone: zone) {
                    case let .success(parsed): rules.businessHours[id == "default" ? "" : id] = parsed
                    case let .failure(problem): throw error(v, "\(path).\(id)", problem.message)
                    }
                }
            case "reach":
                let reach = try mapping(value, path)
                try checkKeys(reach, allowed: ["helpful_votes", "author_reviews"], path: path)
                if let v = reach["helpful_votes"] { rules.reachHelpfulVotes = try integer(v, "\(path).helpful_votes", 1...1_000_000) }
                if let v = reach["author_reviews"] { rules.reachAuthorReviews = try integer(v, "\(path).author_reviews", 1...1_000_000) }
            case "spike":
                let spike = try mapping(value, path)
                try checkKeys(spike, allowed: ["count", "within"], path: path)
                if let v = spike["count"] { rules.spikeCount = try integer(v, "\(path).count", 2...1000) }
                if let v = spike["within"] {
                    guard let seconds = Self.duration(try string(v, "\(path).within")), seconds >= 3600 else {
                        throw error(v, "\(path).within", "must be a duration of at least 1h (2d, 7d)")
                    }
                    rules.spikeWindow = seconds
                }
            case "categories": rules.categories = try termGroups(value, path, into: rules.categories, ranked: true)
            case "topics": rules.topics = try termGroups(value, path, into: rules.topics, ranked: false)
            case "routes": routeNodes = value
            case "alert_max_age":
                let text = try string(value, path)
                if text == "off" {
                    rules.alertMaxAge = nil
                } else {
                    guard let seconds = Self.duration(text), seconds >= 3600 else {
                        throw error(value, path, "must be a duration of at least 1h (7d, 48h), or off to alert every flag on its own")
                    }
                    rules.alertMaxAge = seconds
                }
            default: rules.defaultChannels = try stringList(value, path)
            }
        }
        guard rules.minPriority <= rules.highFrom, rules.highFrom <= rules.urgentFrom else {
            throw error(node, "flags", "needs min_priority ≤ high_from ≤ urgent_from (now \(rules.minPriority), \(rules.highFrom), \(rules.urgentFrom))")
        }
        if let routeNodes { rules.routes = try routes(routeNodes, rules: rules, locations: locations) }
        return rules
    }

    /// Groups replace the built-in one with the same id, or are added after them.
    func termGroups(_ node: Node, _ path: String, into base: [TermGroup], ranked: Bool) throws -> [TermGroup] {
        var out = base
        for (i, item) in try sequence(node, path).enumerated() {
            let itemPath = "\(path)[\(i)]"
            let m = try mapping(item, itemPath)
            try checkKeys(m, allowed: ranked ? Self.groupKeys : ["id", "name", "terms"], path: itemPath)
            let id = try required(m, "id", in: item, path: itemPath)
            try checkName(id, m["id"], "\(itemPath).id")
            let existing = out.firstIndex { $0.id == id }
            guard let termsNode = m["terms"] else { throw error(item, "\(itemPath).terms", "missing (the words to look for)") }
            let terms = try stringList(termsNode, "\(itemPath).terms")
            for (j, term) in terms.enumerated() where term.split(separator: " ").contains(where: { $0.hasSuffix("*") && $0.count < 4 }) {
                throw error(termsNode, "\(itemPath).terms[\(j)]", "\"\(term)\": a word ending in * needs at least 3 letters before it")
            }
            var level = existing.map { out[$0].level } ?? (ranked ? .urgent : .normal)
            if let v = m["level"] {
                let text = try string(v, "\(itemPath).level")
                guard let parsed = FlagLevel(rawValue: text) else {
                    throw error(v, "\(itemPath).level", "\"\(text)\" is not a level (urgent, high, normal)")
                }
                level = parsed
            }
            let group = TermGroup(id: id, name: try m["name"].map { try string($0, "\(itemPath).name") } ?? existing.map { out[$0].name } ?? id,
                                  terms: terms,
                                  priority: try m["priority"].map { try integer($0, "\(itemPath).priority", 1...100) }
                                      ?? existing.map { out[$0].priority } ?? 80,
                                  level: level)
            if let existing { out[existing] = group } else { out.append(group) }
        }
        return out
    }

    func routes(_ node: Node, rules: FlagRules, locations: [Configuration.Location]) throws -> [FlagRoute] {
        try sequence(node, "flags.routes").enumerated().map { i, item in
            let path = "flags.routes[\(i)]"
            let m = try mapping(item, path)
            try checkKeys(m, allowed: Self.routeKeys, path: path)
            let channel = try required(m, "channel", in: item, path: path)
            try checkName(channel, m["channel"], "\(path).channel")
            var route = FlagRoute(channel: channel)
            if let v = m["level"] {
                let text = try string(v, "\(path).level")
                guard let level = FlagLevel(rawValue: text) else {
                    throw error(v, "\(path).level", "\"\(text)\" is not a level (urgent, high, normal); a route matches that level and above")
                }
                route.minLevel = level
            }
            func ids(_ key: String, known: [String]) throws -> [String] {
                guard let v = m[key] else { return [] }
                let list = try stringList(v, "\(path).\(key)")
                for id in list where !known.contains(id) {
                    throw error(v, "\(path).\(key)", "unknown \(key.dropLast()) \"\(id)\"\(Suggestion.hint(id, known)); known: \(known.joined(separator: ", "))")
                }
                return list
            }
            route.topics = try ids("topics", known: rules.topics.map(\.id))
            route.categories = try ids("categories", known: rules.categories.map(\.id))
            route.locations = try ids("locations", known: locations.map(\.id))
            route.portals = try m["portals"].map { try stringList($0, "\(path).portals") } ?? []
            return route
        }
    }

    /// A list of strings, or one string as a list of one.
    func stringList(_ node: Node, _ path: String) throws -> [String] {
        if case .scalar = node { return [try string(node, path)] }
        return try sequence(node, path).enumerated().map { try string($1, "\(path)[\($0)]") }
    }
}
