import Foundation

/// Which stored review a review is: the key that makes the same review, arriving through two
/// routes (a portal's API and its owner export, a feed and a monthly CSV), one review.
///
/// A portal whose review ids are global (the same id whatever route delivers it) gets a
/// portal-wide key, `p:<portal>␟<id>`; everything else stays keyed by its source,
/// `s:<source>␟<id>`, because an id from a generic file (a row number, a link) says nothing
/// outside that file. The id must also have the portal's id shape, so a generic CSV that
/// maps `id` to a row number never merges with another source's row 1.
///
/// Routes that share ids (`../shared/notes/formats.md` §8):
/// - Google Play: API `reviewId` = the `reviewId=` parameter of the Console CSV's Review Link.
/// - Google Business Profile: API `name` = Takeout `name` (`accounts/…/reviews/{id}`).
/// - Trustpilot: API `id` = Business CSV `Review ID` (24 hex digits).
/// - Yelp: Fusion API `id` = Open Dataset `review_id` (22 characters, URL-safe base 64).
/// - Tripadvisor: Content API `id` (digits).
/// - App Store: the customer-reviews feed's entry id (digits). App Store Connect's ids are
///   another id space, so Connect reviews never merge with feed reviews.
/// - Amazon: review ids `R…` when a scraped CSV has them; the JSON-lines dump has none.
public enum PortalIdentity {
    /// The portal-wide id of a review, or nil when `portal` has no global ids or `externalID`
    /// does not have their shape.
    public static func globalID(portal: String, externalID id: String) -> String? {
        switch portal {
        case "google-play":
            let reviewID = queryValue("reviewid", in: id) ?? id
            return isToken(reviewID, minLength: 16, extra: ":-_.") ? reviewID : nil
        case "google":
            guard let range = id.range(of: "/reviews/", options: .backwards) else { return nil }
            let reviewID = String(id[range.upperBound...])
            return isToken(reviewID, minLength: 8, extra: "-_") ? reviewID : nil
        case "trustpilot":
            return id.utf8.count == 24 && id.utf8.allSatisfy(isHexDigit) ? id.lowercased() : nil
        case "yelp":
            return id.utf8.count == 22 && isToken(id, minLength: 22, extra: "-_") ? id : nil
        case "tripadvisor":
            return id.utf8.count >= 6 && id.utf8.allSatisfy(isDigit) ? id : nil
        case "appstore":
            return id.utf8.count >= 8 && id.utf8.allSatisfy(isDigit) ? id : nil
        case "amazon":
            return id.utf8.first == UInt8(ascii: "R") && id.utf8.count >= 10 && isToken(id, minLength: 10, extra: "")
                && id.utf8.allSatisfy({ isDigit($0) || ($0 >= 65 && $0 <= 90) }) ? id : nil
        default:
            return nil
        }
    }

    /// The store's identity for a review: portal-wide when its id is global, else per source.
    public static func key(source: String, portal: String, externalID: String) -> String {
        if let id = globalID(portal: portal, externalID: externalID) { return "p:" + portal + "\u{1F}" + id }
        return "s:" + source + "\u{1F}" + externalID
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 102) }

    static func isToken(_ s: String, minLength: Int, extra: String) -> Bool {
        let extra = Array(extra.utf8)
        return s.utf8.count >= minLength && s.utf8.allSatisfy { b in
            isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 122) || extra.contains(b)
        }
    }

    /// The value of `name` (compared without case) in a URL's query or fragment parameters,
    /// percent-decoded.
    public static func queryValue(_ name: String, in url: String) -> String? {
        for part in url.split(whereSeparator: { $0 == "?" || $0 == "&" || $0 == "#" }) {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].lowercased() == name { return String(kv[1]).removingPercentEncoding ?? String(kv[1]) }
        }
        return nil
    }
}
