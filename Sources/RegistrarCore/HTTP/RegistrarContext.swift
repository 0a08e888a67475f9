import Hummingbird
import Logging

/// The request context of both APIs: Hummingbird's core context plus the request id used in logs.
public struct RegistrarContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var requestID: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.requestID = ""
    }

    /// Bodies are read with explicit limits by `RequestInput`; this only bounds Hummingbird's own helpers.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
