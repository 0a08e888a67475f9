/// One page of a list: which rows to fetch, computed from a 1-based page number and a page size.
public struct PageWindow: Sendable, Equatable {
    public let page: Int
    public let size: Int

    public init(page: Int, size: Int) {
        precondition(page >= 1 && size >= 1)
        self.page = page
        self.size = size
    }

    public var offset: Int {
        let (product, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        return overflow ? Int.max : product
    }

    /// Number of pages for `total` rows (0 when there are none).
    public func pageCount(total: Int) -> Int { PageWindow.pageCount(total: total, size: size) }

    public static func pageCount(total: Int, size: Int) -> Int { total == 0 ? 0 : (total + size - 1) / size }
}
