import Foundation

/// Entry point for the thin `reputa` executable.
public enum ReputaMain {
    public static func main() async {
        // A parent may start us with SIGINT/SIGTERM blocked (Foundation's Process does, from
        // some threads): unblock them first, so Ctrl-C and a service manager's stop reach
        // every command, and `reputa watch` can stop gracefully. Threads started later inherit this.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        await Reputa.main()
    }
}
