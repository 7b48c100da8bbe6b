/// English words and phrases of the negativity scorer (see `NegativityScorer`).
extension SentimentTerms {
    static let english = Lexicon("""
    # Strongly negative
    -3: terrible, horrible, horrendous, awful, worst, disgusting, disgusted, appalling, atrocious, abysmal, \
        unacceptable, disgrace, disgraceful, shameful, outrageous, inedible, pathetic, useless, \
        never again, never going back, never coming back, will not be back, will not return, would not recommend, \
        do not recommend, not recommend, cannot recommend, avoid, avoid at all costs, stay away, \
        waste of money, waste of time, rip off, ripoff, scam, scammers, total disaster, disaster, nightmare, \
        incompetent, a joke, joke of, zero stars, 0 stars, no stars, furious, livid, ridiculous, shocking, \
        the worst, rude, fraud, fraudulent, data breach, pulling my hair out
    # Negative
    -2: bad, poor, poorly, disappointing, disappointed, disappointment, let down, mediocre, dirty, filthy, \
        unfriendly, impolite, unprofessional, arrogant, careless, complaint, complain, complained, problem, \
        problems, issue, issues, not worth, wasnt worth, overpriced, overcharged, expensive, refund, \
        no answer, no response, no reply, no one answered, no one responded, no one replied, nobody answered, \
        nobody responded, never answered, never responded, never replied, ignored, ignoring, \
        crash, crashes, crashed, crashing, keeps crashing, freezes, frozen, broken, bug, buggy, error, errors, \
        does not work, did not work, not working, stopped working, won't load, fails, failed, wrong, forgot, \
        forgotten, missing, burnt, burned, undercooked, overcooked, raw, bland, tasteless, stale, soggy, greasy, \
        cold, lukewarm, smelly, stinks, noisy, chaotic, unhelpful, useless, angry, annoyed, frustrated, \
        frustrating, upset, sadly, unfortunately, regret, hate, hated, sucks, meh, nothing like, no help, \
        no one ever, nobody ever, never heard back, still waiting, unauthorised, unauthorized, breach, cheeky, \
        without asking, without warning, never arrived, not arrived, \
        😡, 😠, 🤬, 🤮, 🤢, 👎, 💩, 😤
    -1.5: slow, slowly, late, delay, delayed, delays, waited, waiting, wait, long wait, forever, took forever, \
        average, nothing special, so so, so-so, okayish, underwhelming, pricey, cramped, confusing, \
        disorganised, disorganized, unable to, ca not log in, cannot log in, can not log in, after an hour, \
        over an hour, was charged, were charged, charged me, charged us, freezing, 😞, 😔, 😢, 😭, 😒, 🙁, ☹
    # Positive
    +3: excellent, outstanding, amazing, fantastic, wonderful, superb, perfect, perfectly, exceptional, \
        brilliant, awesome, incredible, best, the best, phenomenal, flawless, delightful, top notch, \
        highly recommend, highly recommended, must try, must visit, 10/10, five stars, 5 stars
    +2: great, delicious, tasty, lovely, friendly, helpful, recommend, recommended, would recommend, \
        will recommend, love, loved, loving, enjoy, enjoyed, happy, pleased, satisfied, impressed, \
        attentive, professional, efficient, smooth, seamless, will be back, coming back, come back, \
        will return, go back, thank you, thanks, kind, welcoming, lifesaver, life saver, problem solved, \
        😍, 🥰, 😋, 👍, 👌, ❤, 💯, 🔝, ⭐, 🤩, 😊
    +1.5: good, nice, fast, quick, quickly, clean, polite, pleasant, fresh, easy, reliable, worth, worth it, \
        reasonable, fair, cozy, cosy, generous, fine, works, works well, solved, fixed, resolved, acceptable, \
        up to standard, what we paid for, \
        🙂, 😀, 😃, 👏, 🙏
    +1: ok, okay, decent, not bad, no complaints
    """)

    static let englishGrammar = Lexicon("""
    0: not, no, never, nothing, none, nobody, neither, nor, without, hardly, barely, cannot, lack, lacking
    """)

    static let englishBoosters = Lexicon("""
    1.5: very, really, extremely, so, too, absolutely, totally, completely, utterly, incredibly, truly, \
         super, seriously, at all, way too, highly, whatsoever
    0.5: a bit, a little, slightly, somewhat, kind of, kinda, sort of, fairly, quite, rather
    """)

    static let englishContrast = Lexicon("""
    0: but, however, although, though, yet, unfortunately, sadly, shame, too bad
    """)
}
