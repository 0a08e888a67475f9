import Foundation
import NIOCore
import NIOPosix

/// A TCP relay on 127.0.0.1 between the server and its database that a test can cut and restore,
/// to play a database outage without stopping the database.
final class TCPProxy: @unchecked Sendable {
    enum Outage: Sendable {
        /// Every relayed connection is closed and new ones are closed as soon as they are accepted.
        case reset
        /// Relayed connections stay open but nothing crosses them any more, and new connections are
        /// accepted and never answered: a network black hole or a frozen server.
        case blackHole
    }

    private let upstreamHost: String
    private let upstreamPort: Int
    private let lock = NSLock()
    private var outage: Outage?
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var listener: (any Channel)?

    private init(upstreamHost: String, upstreamPort: Int) {
        self.upstreamHost = upstreamHost
        self.upstreamPort = upstreamPort
    }

    /// The port the proxy listens on.
    var port: Int { lock.withLock { listener?.localAddress?.port ?? 0 } }

    static func start(upstreamHost: String, upstreamPort: Int) async throws -> TCPProxy {
        let proxy = TCPProxy(upstreamHost: upstreamHost, upstreamPort: upstreamPort)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in proxy.accept(channel) }
            .bind(host: "127.0.0.1", port: 0).get()
        proxy.lock.withLock { proxy.listener = listener }
        return proxy
    }

    /// Starts an outage of the given kind.
    func cut(_ kind: Outage) {
        let open = lock.withLock { () -> [any Channel] in
            outage = kind
            return Array(channels.values)
        }
        if kind == .reset {
            for channel in open { channel.close(promise: nil) }
        }
    }

    /// Ends the outage: new connections are relayed again. Connections made during the outage are
    /// left as they are, as a healed network would (the server must get over them by itself).
    func restore() {
        lock.withLock { outage = nil }
    }

    func stop() async {
        let (open, listener) = lock.withLock { (Array(channels.values), self.listener) }
        for channel in open { channel.close(promise: nil) }
        try? await listener?.close()
    }

    fileprivate var isRelaying: Bool { lock.withLock { outage == nil } }

    private func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        lock.withLock { channels[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.lock.withLock { self?.channels.removeValue(forKey: key) }
        }
    }

    private func accept(_ inbound: any Channel) -> EventLoopFuture<Void> {
        switch lock.withLock({ outage }) {
        case .reset:
            return inbound.close()
        case .blackHole:
            track(inbound)  // read and dropped by the pipeline's tail, never answered
            return inbound.eventLoop.makeSucceededVoidFuture()
        case nil:
            track(inbound)
            return ClientBootstrap(group: inbound.eventLoop)
                .connect(host: upstreamHost, port: upstreamPort)
                .flatMap { upstream in
                    self.track(upstream)
                    return inbound.eventLoop.makeCompletedFuture {
                        try upstream.pipeline.syncOperations.addHandler(Relay(proxy: self, peer: inbound))
                        try inbound.pipeline.syncOperations.addHandler(Relay(proxy: self, peer: upstream))
                    }
                }
        }
    }
}

/// Copies bytes to the peer while the proxy relays (drops them during a black hole); closes the
/// peer when its own side closes.
private final class Relay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let proxy: TCPProxy
    let peer: any Channel

    init(proxy: TCPProxy, peer: any Channel) {
        self.proxy = proxy
        self.peer = peer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        guard proxy.isRelaying else { return }
        peer.writeAndFlush(bytes, promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        peer.close(promise: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
