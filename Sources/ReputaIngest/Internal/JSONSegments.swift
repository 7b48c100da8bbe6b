import Foundation
import ReputaCore

/// Segments of a JSON record: a default set of paths per export (Zendesk's `via.channel`,
/// `group_id`…) overridden or extended by the config's `segments:` (dotted paths; a
/// `custom_fields.<id>` step finds the custom field with that id, as Zendesk lists them).
enum JSONSegments {
    static func read(_ object: JSONNode, defaults: [String: String], source: SourceDescriptor) -> [String: String] {
        var paths = defaults
        for (k, v) in source.records?.segments ?? [:] { paths[k] = v }
        var out: [String: String] = [:]
        for (name, path) in paths {
            let v = value(object, path: path).text
            if !v.isEmpty { out[name] = v }
        }
        return RecordCells.normalized(out, source: source)
    }

    static func value(_ object: JSONNode, path: String) -> JSONNode {
        var node = object
        var steps = path.split(separator: ".").map(String.init)[...]
        while let step = steps.popFirst() {
            if step == "custom_fields", let id = steps.popFirst() {
                node = node["custom_fields"].list.first { $0["id"].string == id }?["value"] ?? JSONNode(nil)
            } else {
                node = node[step]
            }
        }
        return node
    }

    /// The records of a payload: the list under one of `keys`, or the payload itself when it
    /// is a list (a file of concatenated pages is not JSON and is refused by the parser).
    static func records(_ root: JSONNode, keys: [String]) -> [JSONNode]? {
        for k in keys where root[k].exists { return root[k].list }
        if root.value is [Any] { return root.list }
        return nil
    }
}
