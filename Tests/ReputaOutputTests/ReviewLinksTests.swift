import ReputaCore
@testable import ReputaOutput
import Testing

/// Links to a review on its portal, per portal, against addresses written out by hand from each
/// portal's permalink form (README, "Links to the review").
@Suite struct ReviewLinksTests {
    func review(_ portal: String, id: String, url: String = "") -> Review {
        var r = Review(source: "s", portal: portal, externalID: id)
        r.url = url
        return r
    }

    @Test func eachPortalGetsItsLinkOrNone() {
        #expect(ReviewLinks.of(review("trustpilot", id: "6a709cdce7e2e1610532a4e2"))
            == ReviewLinks(review: "https://www.trustpilot.com/reviews/6a709cdce7e2e1610532a4e2"))
        #expect(ReviewLinks.of(review("amazon", id: "R1V9410NAOPJS4"))
            == ReviewLinks(review: "https://www.amazon.com/gp/customer-reviews/R1V9410NAOPJS4"))
        // Not an Amazon review id: no guess.
        #expect(ReviewLinks.of(review("amazon", id: "B00XYZ/1")) == ReviewLinks())
        let console = "https://play.google.com/console/developers/1/app/2/user-feedback/review-details?reviewId=gp:AOq&corpus=PUBLIC_REVIEWS"
        #expect(ReviewLinks.of(review("google-play", id: "gp:AOq", url: console)) == ReviewLinks(reply: console))
        let app = "https://itunes.apple.com/it/review?id=6450012345&type=Purple%20Software"
        #expect(ReviewLinks.of(review("appstore", id: "13616007884", url: app)) == ReviewLinks(review: app, reviewIsGeneric: true))
        #expect(ReviewLinks.of(review("google", id: "accounts/1/locations/2/reviews/ChZDSUhN")) == ReviewLinks())
        let ta = "https://www.tripadvisor.com/ShowUserReviews-g187791-d1-r9-Aurora.html"
        #expect(ReviewLinks.of(review("tripadvisor", id: "9", url: ta)) == ReviewLinks(review: ta))
        // A URL that is not http(s) is never a link.
        #expect(ReviewLinks.of(review("yelp", id: "x", url: "javascript:alert(1)")) == ReviewLinks())
    }

    @Test func aSourcesTemplatesWinAndAreEncoded() {
        let r = review("google", id: "accounts/1/locations/2/reviews/Ch Z&x")
        let links = ReviewLinks.of(r, reviewTemplate: "https://search.google.com/local/reviews?placeid=ChIJ123",
                                   replyTemplate: "https://example.com/reply/{id_last}?full={id}")
        #expect(links.review == "https://search.google.com/local/reviews?placeid=ChIJ123" && links.reviewIsGeneric)
        #expect(links.reply == "https://example.com/reply/Ch%20Z%26x?full=accounts%2F1%2Flocations%2F2%2Freviews%2FCh%20Z%26x")
        let amazon = ReviewLinks.of(review("amazon", id: "R1V9"), reviewTemplate: "https://www.amazon.it/gp/customer-reviews/{id}")
        #expect(amazon == ReviewLinks(review: "https://www.amazon.it/gp/customer-reviews/R1V9"))
    }
}
