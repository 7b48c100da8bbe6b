import ReputaConfig
import ReputaPipeline

/// The pipeline's notes on stderr, its progress on a terminal only (`Console`).
struct ConsoleLog: PipelineLog {
    func note(_ line: String) { Console.err(line) }
    func progress(_ text: String) { Console.progress(text) }
    func endProgress() { Console.endProgress() }
}
