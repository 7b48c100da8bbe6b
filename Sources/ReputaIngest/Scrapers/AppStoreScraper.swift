import Foundation
import ReputaCore

/// App Store reviews as the two app-store-scraper libraries give them, saved as JSON, JSON
/// Lines or CSV (pandas).
///
/// - Python (cowboy-bebug/app-store-scraper): `date, review, rating, isEdited, title,
///   userName`, and `developerResponse {id, body, modified}` when the developer answered. `date`
///   is Apple's UTC time with its `Z` dropped by `strptime` (base.py), so it is read as UTC.
///   There is no review id: identity is a hash of the instant, author, title and text. In a
///   CSV the response is a cell holding Python's repr of the dict.
/// - Node (facundoolano/app-store-scraper): `id, userName, userUrl, version, score, title,
///   text, url, updated`, `updated` with Apple's offset ("2022-01-30T16:55:08-07:00").
public enum AppStoreScraper {
    public static let importer = ScraperImporter(library: "app-store-scraper", variants: [
        .init(mapping: ["author": "userName?", "title": "title?", "text": "review", "rating": "rating", "date": "date",
                        "reply": "developerResponse.body?", "reply_date": "developerResponse.modified?"],
              zone: "UTC", signature: ["isEdited"],
              csvAdjust: { review, cell in
                  guard let response = PythonRepr.dict(cell("developerResponse")) else { return }
                  review.replyText = CellText.clean(response["body"] ?? "")
                  review.replyAt = response["modified"].flatMap { DateText.parse($0, zone: .gmt) }
              }),
        .init(mapping: ["id": "id", "author": "userName?", "title": "title?", "text": "text", "rating": "score",
                        "date": "updated", "version": "version?", "url": "url?"], zone: "UTC", signature: ["userUrl"]),
    ])
}
