import RegistrarCore
import SQLKit

/// `/source/user_course/...` (catalog spec S19–S26): the caller's course selections and course records.
/// Open to every logged-in user; every route reads and writes only the caller's own orders, cart items and
/// selections (D11, D12).
struct UserCourseRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.collection("/source/user_course") { r in
            r.get { call in Reply.ok(try await Self.rawList(call)) }
            r.post { call in
                let selection = try await CourseSelection.read(call)
                try await selection.apply(userID: call.caller.id, database: call.database)
                return Reply.message("选课成功")
            }
        }
        routes.collection("/source/user_course/current_courses_info") { r in
            r.get { call in
                Reply.ok(try await PurchasedProjects.load(userID: call.caller.id, on: call.sql).map(CurrentCoursesEntry.init))
            }
        }
        routes.collection("/source/user_course/my_scores") { r in
            r.get { call in Reply.ok(try await Self.myScores(call)) }
        }
        routes.collection("/source/user_course/student_confirm_course") { r in
            r.get { call in
                Reply.ok(try await PurchasedProjects.load(userID: call.caller.id, on: call.sql).map { entry in
                    CourseRecordEntry(entry) { CourseStateItem.review($0, call: call) }
                })
            }
            r.put { call in
                try await CourseReviewUpload.handle(call)
                return Reply.message("图片上传成功")
            }
        }
        routes.collection("/source/user_course/course_credit_switch") { r in
            r.get { call in
                Reply.ok(try await PurchasedProjects.load(userID: call.caller.id, on: call.sql).map { entry in
                    CourseRecordEntry(entry) { CourseStateItem.creditTransfer($0, call: call) }
                })
            }
            r.put { call in
                try await CreditTransferUpload.handle(call)
                return Reply.message("图片上传成功")
            }
        }
    }

    /// S19: the caller's selections as `{id, order}`, paginated, ascending id.
    static func rawList(_ call: SummerCall) async throws -> LinkedPage<UserCourseRawItem> {
        let userID = call.caller.id
        let query = PagedQuery(
            filter: { $0.from("summer_user_course").where("user_id", .equal, SQLBind(userID)) },
            select: { $0.columns("id", "order_id").orderBy("id", .ascending) })
        return try await call.page(query, decoding: UserCourseRawItem.Row.self) { rows in
            rows.map { UserCourseRawItem(id: $0.id, order: $0.order_id) }
        }
    }

    /// S22: every selection of the caller with its course and score, ascending id, not paginated.
    static func myScores(_ call: SummerCall) async throws -> [MyScoreItem] {
        try await call.sql.raw("""
            SELECT \(unsafeRaw: MyScoreItem.Row.columns) FROM summer_user_course uc \
            JOIN summer_course k ON k.id = uc.course_id WHERE uc.user_id = \(bind: call.caller.id) ORDER BY uc.id
            """).all(decoding: MyScoreItem.Row.self).map(MyScoreItem.init)
    }
}
