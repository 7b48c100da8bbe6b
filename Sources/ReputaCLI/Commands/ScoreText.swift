import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaOutput
import ReputaPipeline

/// `reputa score-text`: the text verdict the flagger would give each review of a file, its
/// rating set aside (as if it came from a feed without stars); with `--features`, what the
/// learned model reads, for `scripts/train_negativity.py`.
struct ScoreText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-text",
        abstract: "Score the text of each review in a file for negativity, without storing anything.",
        discussion: """
        Reads the file as `inspect` does (same --kind and --map) and judges each review's title and text \
        the way the flagger does with the rating hidden: the lexicon and the learned model \
        ($REPUTA_NEGATIVITY_MODEL, else the shipped one). Columns: id, language, probability (the model's), \
        threshold, negative, score (−1 or below is negative), lexicon_score, words (the strongest negative ones). \
        --features prints, one line per review, `id<TAB>language<TAB>bucket:value …`: the model's input, \
        which the training script reads; a bucket marked `g` is the prior or a lexicon signal, not a word. Exit codes: 0 read, 1 the file could not be read, 64 usage.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: SourceFlags

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    @Flag(help: "Print the model's features instead of the verdicts (for scripts/train_negativity.py).")
    var features = false

    @Argument(help: ArgumentHelp("The file to read.", valueName: "path"))
    var path: String

    func run() throws {
        try guarded {
            try FlagPass.checkRequestedModel()
            if let problem = NegativityModel.loadProblem { Console.err("reputa: warning: \(problem)") }
            let config = try global.optionalConfig()
            let descriptor = try flags.descriptor(config: config)
            guard case let .reviews(batch) = try Inspection.read(path, descriptor: descriptor, logger: Console.logger(verbose: global.verbose),
                                                                 now: Timestamp(date: Date())) else {
                throw ConfigError(file: path, message: "score-text reads reviews; this kind holds no review text")
            }
            if features {
                let bits = NegativityModel.shipped?.bits ?? 20
                var out = ""
                for review in batch.reviews {
                    let tokens = TextTokens(title: review.title, text: review.text)
                    let matches = LexiconIndex.sentiment.scan(tokens)
                    let lexicon = NegativityScorer.score(matches, language: review.language)
                    var summed: [Int: Float] = [:]
                    var general = Set<Int>()
                    NegativityFeatures.extract(matches, language: review.language, lexicon: lexicon, bits: bits) { bucket, value, source in
                        summed[bucket, default: 0] += value
                        if source == nil { general.insert(bucket) }
                    }
                    let cells = summed.sorted { $0.key < $1.key }.map { (general.contains($0.key) ? "g" : "") + "\($0.key):\($0.value)" }
                        .joined(separator: " ")
                    out += "\(TerminalText.clean(review.externalID))\t\(NegativityFeatures.code(review.language))\t\(cells)\n"
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            } else {
                let rows: [[DataTable.Cell]] = batch.reviews.map { review in
                    let tokens = TextTokens(title: review.title, text: review.text)
                    let verdict = NegativityScorer.judge(tokens, language: review.language)
                    return [.text(review.externalID), .text(review.language), verdict.probability.map { .number($0) } ?? .null,
                            NegativityModel.shipped.map { .number($0.threshold(for: review.language)) } ?? .null,
                            .bool(verdict.isNegative), .number(verdict.score),
                            .number(verdict.lexiconScore ?? verdict.score), .list(Array(verdict.negativeTerms.prefix(4)))]
                }
                Console.out(Renderer.render(DataTable(columns: ["id", "language", "probability", "threshold", "negative", "score",
                                                                "lexicon_score", "words"], rows: rows), as: format))
            }
            Console.err("\(batch.reviews.count) reviews scored, \(batch.skipped.count) rows skipped")
            return .ok
        }
    }
}
