/// The tutoring API's page: `{page, allPage, total, list}`.
public struct NumberedPage<Item: Encodable & Sendable>: Encodable, Sendable {
    public var page: Int
    public var allPage: Int
    public var total: Int
    public var list: [Item]

    public init(window: PageWindow, total: Int, list: [Item]) {
        self.page = window.page
        self.allPage = window.pageCount(total: total)
        self.total = total
        self.list = list
    }
}
