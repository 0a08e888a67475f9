import CoreMetrics
import Foundation

/// Request metrics through swift-metrics: whatever backend the process bootstrapped (Prometheus under
/// `registrar serve --metrics-port`), a no-op otherwise. Routes are labelled by their pattern
/// (`/source/project/{id}`), never the raw path, so a scan of random URLs cannot grow the label set.
public enum RequestMetrics {
    public static func record(api: String, route: String?, method: String, status: Int, code: Int?, duration: Duration) {
        let route = route ?? "unmatched"
        Counter(label: "registrar_requests_total", dimensions: [
            ("api", api), ("route", route), ("method", method), ("status", String(status)),
            ("code", code.map(String.init) ?? "-"),
        ]).increment()
        Timer(label: "registrar_request_duration_seconds", dimensions: [("api", api), ("route", route), ("method", method)])
            .recordNanoseconds(duration.nanoseconds)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Process facts for the metrics endpoint.
public enum ProcessMetrics {
    /// Sets `process_start_time_seconds` (Unix time); called once at start-up.
    public static func recordStart(at date: Date = Date()) {
        Gauge(label: "process_start_time_seconds").record(date.timeIntervalSince1970)
    }
}
