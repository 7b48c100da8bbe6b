/// Entry point for the thin `reputa` executable.
public enum ReputaMain {
    public static func main() { Reputa.main() }
}
