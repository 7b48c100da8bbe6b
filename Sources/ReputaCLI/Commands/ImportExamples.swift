import ReputaIngest

/// One `reputa import` example per kind, for `reputa import --help` (file names as the portals
/// or tools name their files), each short enough for one line of help.
enum ImportExamples {
    static let byKind: [String: String] = [
        "appstore-rss": "page1.xml --kind appstore-rss --location milano",
        "feed": "recensioni.xml --kind feed",
        "rss": "feed.rss --kind rss",
        "atom": "feed.atom --kind atom",
        "appstore-json": "customerreviews-it-page1.json --kind appstore-json",
        "app-store-scraper": "app_reviews.csv --kind app-store-scraper --source appstore-it",
        "appstore-connect": "customerReviews.json --kind appstore-connect",
        "google-play-csv": "reviews_it.aurora.app_202611.csv --kind google-play-csv",
        "google-play-scraper": "play_reviews.json --kind google-play-scraper --timezone UTC",
        "google-play-api": "reviews-list.json --kind google-play-api",
        "google-business": "reviews.json --kind google-business --location milano",
        "trustpilot-api": "trustpilot-reviews.json --kind trustpilot-api",
        "trustpilot-csv": "trustpilot-export.csv --kind trustpilot-csv",
        "yelp-api": "yelp-reviews.json --kind yelp-api --location roma",
        "yelp-dataset": "yelp_academic_dataset_review.json --kind yelp-dataset",
        "tripadvisor-api": "tripadvisor.json --kind tripadvisor-api --location napoli",
        "booking-csv": "Hotel_Reviews.csv --kind booking-csv --map location=Hotel_Name",
        "amazon-jsonl": "Grocery_and_Gourmet_Food.jsonl --kind amazon-jsonl",
        "amazon-csv": "Reviews.csv --kind amazon-csv",
        "json": "export.json --kind json --map rating=score,date=created",
        "csv": "export.csv --kind csv --map rating=Voto,date=Data",
        "survey-csv": "nps.csv --kind survey-csv --metric nps --scale 0-10",
        "qualtrics": "qualtrics_export.csv --kind qualtrics --question Q1=nps:0-10",
        "survey-wide": "typeform.csv --kind survey-wide --question Q2=csat:1-5",
        "zendesk-satisfaction": "satisfaction_ratings.json --kind zendesk-satisfaction",
        "zendesk-tickets": "ticket_metrics.json --kind zendesk-tickets",
        "freshdesk-csat": "satisfaction_ratings.json --kind freshdesk-csat",
        "tickets-csv": "tickets.csv --kind tickets-csv",
        "customers-csv": "customers.csv --kind customers-csv",
        "conversions-csv": "conversions.csv --kind conversions-csv",
        "health-csv": "health.csv --kind health-csv",
    ]

    /// The help text: one line per kind, in registry order.
    static var text: String {
        (Kinds.names + InternalKinds.names).map { "  reputa import " + (byKind[$0] ?? "FILE --kind \($0)") }.joined(separator: "\n")
    }
}
