import Hummingbird
import RegistrarCore
import SQLKit

/// `GET|PUT|PATCH /auth/user/info/{id}/personal_file/` — the caller's personal file (identity §4.13–4.15).
struct PersonalFileRoutes: SummerRouteModule {
    func register(_ routes: SummerRoutes) {
        routes.item("/auth/user/info/{id}/personal_file") { r in
            r.get(Self.show)
            r.put(Self.update)
            r.patch(Self.update)
        }
    }

    struct PersonalFile: Encodable, Sendable {
        let id: Int
        let name: String
        let email: String
        let wechat: String
        let cschool: String
        @Nullable var first_name: String?
        @Nullable var last_name: String?
        @Nullable var gender: Choice?
        @Nullable var id_number: String?
        @Nullable var major: String?
        @Nullable var graduate_year: String?
        @Nullable var gpa: Double?

        init(_ row: ProfileRow) {
            id = row.id
            name = row.name
            email = row.email
            wechat = row.wechat
            cschool = row.cschool
            first_name = row.first_name
            last_name = row.last_name
            gender = ChoiceSet.gender.choice(row.gender)
            id_number = row.id_number
            major = row.major
            graduate_year = row.graduate_year
            gpa = row.gpa
        }
    }

    static let idNumberTaken = AppError.field("id_number", FieldMessage.taken("身份证号/护照号"))

    @Sendable static func show(_ call: SummerCall) async throws -> some ResponseGenerator {
        Reply.ok(PersonalFile(try await ProfileRow.require(userID: call.caller.id, on: call.sql)))
    }

    @Sendable static func update(_ call: SummerCall) async throws -> some ResponseGenerator {
        let userID = call.caller.id
        let profile = try await ProfileRow.require(userID: userID, on: call.sql)
        let input = try await call.bodyReader(call.writeMode)
        let firstName = try input.string("first_name", required: false, nullable: true, max: 30)
        let lastName = try input.string("last_name", required: false, nullable: true, max: 30)
        let gender = try input.choice("gender", .gender)
        let idNumber = try input.string("id_number", required: false, nullable: true, max: 30)
        if let value = idNumber.value, try await isTaken(idNumber: value, except: profile.id, on: call.sql) { throw idNumberTaken }
        let major = try input.string("major", required: false, nullable: true, max: 30)
        let graduateYear = try input.string("graduate_year", required: false, nullable: true, max: 30)
        let gpa = try input.double("gpa")

        // A concurrent save that took the number first surfaces as the uniqueness message.
        let row = try await RegistrarDatabase.mappingConstraintViolation {
            try await call.database.transaction { sql in
                try await ProfileUpdate.apply(userID: userID, on: sql) {
                    $0.set("first_name", ifSent: firstName).set("last_name", ifSent: lastName).set("gender", ifSent: gender)
                        .set("id_number", ifSent: idNumber).set("major", ifSent: major)
                        .set("graduate_year", ifSent: graduateYear).set("gpa", ifSent: gpa)
                }
                return try await ProfileRow.require(userID: userID, on: sql)
            }
        } to: { idNumberTaken }
        return Reply.ok(PersonalFile(row))
    }

    static func isTaken(idNumber: String, except profileID: Int, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT id FROM summer_student_info WHERE id_number = \(bind: idNumber) AND id <> \(bind: profileID)")
            .first() != nil
    }
}
