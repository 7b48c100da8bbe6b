import ReputaCore

/// Owner exports that are CSV files with a known header, as presets of the CSV importer
/// (columns are found by name, never by position). See `../shared/notes/formats.md`.
public enum PortalExports {
    /// Google Play Console monthly `reviews_<package>_<YYYYMM>.csv`: UTF-16LE with BOM, 16
    /// columns (14 in old files, without App Version Code and Reviewer Language). The review id
    /// is the `reviewId` in Review Link (`reviewid=` in the fragment of old links); a review
    /// edited later reappears in a later month and is merged by that id.
    public static let googlePlayCSV = CSVReviewImporter(presets: [.init(
        mapping: ["rating": "Star Rating", "date": "Review Submit Date and Time",
                  "updated": "Review Last Update Date and Time", "title": "Review Title", "text": "Review Text",
                  "reply": "Developer Reply Text", "reply_date": "Developer Reply Date and Time", "url": "Review Link",
                  "language": "Reviewer Language?", "version": "App Version Name?"],
        requireRating: true,
        adjust: { review, _ in
            if let id = PortalIdentity.queryValue("reviewid", in: review.url) { review.externalID = id }
        })])

    /// Trustpilot Business "export reviews": header names vary in case and wording between
    /// exports, so columns are matched by their common names; `(UTC)` columns are UTC.
    public static let trustpilotCSV = CSVReviewImporter(presets: [.init(zone: "UTC", requireRating: true)])

    /// Booking-style hotel reviews (the Kaggle "515K hotel reviews" header): a 0–10
    /// `Reviewer_Score`, liked and disliked text in two columns with "No Positive"/"No
    /// Negative" placeholders, US month-first `Review_Date`, and no review id.
    public static let bookingCSV = CSVReviewImporter(presets: [CSVReviewImporter.Preset(
        mapping: ["rating": "Reviewer_Score", "date": "Review_Date",
                  "author_reviews": "Total_Number_of_Reviews_Reviewer_Has_Given"],
        scale: RatingScale(min: 0, max: 10), requireRating: true,
        adjust: { review, cell in
            let liked = cell("Positive_Review"), disliked = cell("Negative_Review")
            let parts = [liked == "No Positive" ? "" : liked, disliked == "No Negative" ? "" : disliked].filter { !$0.isEmpty }
            review.text = parts.joined(separator: "\n\n")
            review.language = LanguageDetector.detect(review.text)
            review.externalID = "h:" + StableHash.hex([cell("Hotel_Name"), cell("Review_Date"), cell("Reviewer_Score"),
                                                       cell("Reviewer_Nationality"), review.text])
        })].map { (p: CSVReviewImporter.Preset) -> CSVReviewImporter.Preset in var p = p; p.monthFirst = true; return p })

    /// Amazon review CSVs: the SNAP "Fine Food Reviews" dump (`Id, Score, Time` in Unix
    /// seconds, `Summary`, `Text`) or a scraped amazon.it page (`review_stars` as "4,0 su 5
    /// stelle", Italian dates, titles that start with the star text, which is removed).
    public static let amazonCSV = CSVReviewImporter(presets: [
        .init(mapping: ["id": "Id", "rating": "Score", "date": "Time", "title": "Summary", "text": "Text",
                        "author": "ProfileName", "helpful": "HelpfulnessNumerator"], requireRating: true),
        .init(requireRating: true, adjust: { review, cell in
            let stars = cell("review_stars")
            if !stars.isEmpty, review.title.hasPrefix(stars) {
                review.title = CellText.clean(String(review.title.dropFirst(stars.count)))
            }
        }),
    ])
}
