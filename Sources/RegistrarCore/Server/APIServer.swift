import Hummingbird
import Logging
import NIOCore

/// One API on its own port, as a service of the process's ServiceGroup.
public enum APIServer {
    /// Connections with no request in flight for this long are closed, so idle clients cannot hold
    /// sockets (and file descriptors) indefinitely.
    public static let idleTimeout: TimeAmount = .seconds(60)

    /// An application serving `router` on `host:port` (port 0 binds a free port); `onListening` receives
    /// the bound port once the server accepts connections.
    public static func make(
        name: String, router: Router<RegistrarContext>, host: String, port: Int, logger: Logger,
        idleTimeout: TimeAmount = APIServer.idleTimeout, onListening: (@Sendable (Int) async -> Void)? = nil
    ) -> some ApplicationProtocol {
        let logger = { var logger = logger; logger[metadataKey: "api"] = .string(name); return logger }()
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "Registrar"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                logger.notice("\(name) API listening on http://\(host):\(bound)")
                await onListening?(bound)
            },
            logger: logger
        )
        return app
    }
}
