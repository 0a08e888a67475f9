import CoreMetrics
import Hummingbird
import Logging
import Prometheus

/// The Prometheus text endpoint, `GET /metrics`, on a listener of its own (never on the public API ports).
public enum MetricsServer {
    /// Bootstraps swift-metrics with a Prometheus registry (once per process) and returns that registry.
    public static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        DatabaseMetrics.isEnabled = true
        ProcessMetrics.recordStart()
        return registry
    }

    /// The router of the metrics listener.
    public static func router(registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16_384)
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        return router
    }

    public static func make(
        registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger
    ) -> some ApplicationProtocol {
        Application(
            router: router(registry: registry),
            configuration: .init(address: .hostname(host, port: port), serverName: "Registrar"),
            onServerRunning: { channel in
                logger.notice("metrics listening on http://\(host):\(channel.localAddress?.port ?? port)/metrics")
            },
            logger: logger)
    }
}
