import Hummingbird
import RegistrarCore
import SQLKit

/// The caller's basic profile: `GET|PUT|PATCH /auth/user/info/{id}/` and `GET /auth/user/check_user_info/`
/// (identity §4.5, §4.10–4.12); `{id}` is ignored.
struct ProfileRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/auth/user/check_user_info") { r in r.get(Self.check) }
        routes.item("/auth/user/info/{id}") { r in
            r.get(Self.show)
            r.put(Self.update)
            r.patch(Self.update)
        }
    }

    struct BasicProfile: Encodable, Sendable {
        let id: Int
        let name: String
        let email: String
        let wechat: String
        let cschool: String
        @Nullable var headimgurl: String?
        let valid_sales_man: Bool
        let wcampus: [String]

        init(_ row: ProfileRow) {
            id = row.id
            name = row.name
            email = row.email
            wechat = row.wechat
            cschool = row.cschool
            headimgurl = row.headimgurl
            valid_sales_man = row.valid_sales_man
            wcampus = row.campuses
        }
    }

    struct CheckData: Encodable, Sendable {
        let need_complete_stu_info: Bool
        let user_id: Int
        let valid_sales_man: Bool
    }

    @Sendable static func check(_ call: SummerCall) async throws -> some ResponseGenerator {
        guard let profile = try await ProfileRow.find(userID: call.caller.id, on: call.sql) else {
            throw AppError.check("不存在基础的用户信息")
        }
        return Reply.ok(CheckData(need_complete_stu_info: profile.needsCompletion, user_id: call.caller.id, valid_sales_man: profile.valid_sales_man))
    }

    @Sendable static func show(_ call: SummerCall) async throws -> some ResponseGenerator {
        Reply.ok(BasicProfile(try await ProfileRow.require(userID: call.caller.id, on: call.sql)))
    }

    @Sendable static func update(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = call.caller.id
        _ = try await ProfileRow.require(userID: userID, on: call.sql)
        let input = try await call.bodyReader(call.writeMode)
        let name = try input.string("name", max: 30)
        let email = try input.string("email", max: 30, email: true)
        let wechat = try input.string("wechat", max: 30)
        let wcampus = try input.stringList("wcampus", itemMax: 30)
        let cschool = try input.string("cschool", max: 30)
        let validSalesMan = try input.bool("valid_sales_man")

        let campuses = try wcampus.map(ProfileRow.encodeCampuses)
        let row = try await call.database.transaction { sql in
            try await ProfileUpdate.apply(userID: userID, on: sql) {
                $0.set("name", ifSent: name).set("email", ifSent: email).set("wechat", ifSent: wechat)
                    .set("wcampus", ifSent: campuses).set("cschool", ifSent: cschool)
                    .set("valid_sales_man", ifSent: validSalesMan)
            }
            return try await ProfileRow.require(userID: userID, on: sql)
        }
        return Reply.ok(BasicProfile(row))
    }
}
