import ReputaCore

/// Google Play reviews as the two google-play-scraper libraries give them, saved as JSON, JSON
/// Lines or CSV (pandas).
///
/// - Python (JoMingyu/google-play-scraper): `reviewId, userName, content, score,
///   thumbsUpCount, reviewCreatedVersion, at, replyContent, repliedAt, appVersion`. `at` and
///   `repliedAt` are `datetime.fromtimestamp(seconds)` (constants/element.py): naive times in
///   the zone of the machine that ran the scraper, saved as "2023-04-12 09:42:38". They are read
///   in the source's `timezone` (set it to that machine's zone; Colab runs in UTC).
/// - Node (facundoolano/google-play-scraper): `id, userName, date, score, title, text,
///   replyDate, replyText, version, thumbsUp, url`, under `data` when saved whole; dates are
///   UTC with `Z` (lib/reviews.js `toJSON()`).
public enum GooglePlayScraper {
    public static let importer = ScraperImporter(library: "google-play-scraper", variants: [
        .init(mapping: ["id": "reviewId", "author": "userName?", "text": "content", "rating": "score", "date": "at",
                        "reply": "replyContent?", "reply_date": "repliedAt?", "helpful": "thumbsUpCount?",
                        "version": "reviewCreatedVersion?"],
              signature: ["thumbsUpCount"]),
        .init(mapping: ["id": "id", "author": "userName?", "title": "title?", "text": "text", "rating": "score",
                        "date": "date", "reply": "replyText?", "reply_date": "replyDate?", "helpful": "thumbsUp?",
                        "version": "version?", "url": "url?"], zone: "UTC", signature: ["thumbsUp"]),
    ])
}
