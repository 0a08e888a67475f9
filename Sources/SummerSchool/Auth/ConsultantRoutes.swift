import Hummingbird
import RegistrarCore
import SQLKit

/// `GET|POST /auth/user/{id}/sales_man/` — the caller's consultant (identity §4.8–4.9, D11); `{id}` is ignored.
struct ConsultantRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.item("/auth/user/{id}/sales_man") { r in
            r.get(Self.show)
            r.post(Self.choose)
        }
    }

    @Sendable static func show(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = call.caller.id
        let row = try await call.database.transaction { sql in try await ConsultantAssignment.assign(userID: userID, on: sql) }
        return Reply.ok(ConsultantAssignment.view(row, call: call))
    }

    @Sendable static func choose(_ call: SummerCall) async throws -> some ResponseGenerator {
        let input = try await call.bodyReader(.create)
        let salesManID = try input.int("sales_man").required
        let userID = call.caller.id
        try await call.database.transaction { sql in
            if try await ConsultantAssignment.current(userID: userID, on: sql) != nil { throw AppError.rule("已有关联的销售顾问") }
            guard try await rowExists("summer_sales_man", id: salesManID, on: sql) else { throw AppError.rule("销售人员不存在") }
            struct ID: Decodable { let id: Int }
            let inserted = try await sql.raw("""
                INSERT INTO summer_sales_man_user (user_id, sales_man_id, status, create_time) \
                VALUES (\(bind: userID), \(bind: salesManID), \(bind: "NEW"), \(bind: SummerTime.now())) \
                ON CONFLICT (user_id) DO NOTHING RETURNING id
                """).first(decoding: ID.self)
            if inserted == nil { throw AppError.rule("已有关联的销售顾问") }
        }
        return Reply.message("操作成功")
    }
}
