import Hummingbird
import RegistrarCore
import SQLKit

/// `/common/...` (identity spec §5): campus list, admin navigation tree, global enums. Any logged-in user.
struct CommonRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/common/campus") { r in
            r.get { call in Reply.ok(try await Self.listCampuses(call)) }
        }
        routes.collection("/common/navigation") { r in
            r.get { call in Reply.ok(try await NavigationTree.load(on: call.sql)) }
        }
        routes.prefix("/common/global_enums") { r in
            r.get { _ in GlobalEnums.response() }
        }
    }

    /// All campuses, inactive ones included, ascending id (§5.1).
    static func listCampuses(_ call: SummerCall) async throws -> LinkedPage<CampusItem> {
        let query = PagedQuery(
            filter: { $0.from("summer_campus") },
            select: { $0.columns("id", "name", "info", "create_time").orderBy("id", .ascending) })
        return try await call.page(query, decoding: CampusRow.self) { rows in rows.map(CampusItem.init) }
    }
}

struct CampusRow: Decodable {
    let id: Int
    let name: String
    let info: String
    let create_time: Int64
}

struct CampusItem: Encodable, Sendable {
    let id: Int
    let name: String
    let info: String
    let create_time: String

    init(_ row: CampusRow) {
        id = row.id
        name = row.name
        info = row.info
        create_time = SummerTime.render(row.create_time)
    }
}
