import RegistrarCore
import SQLKit

/// The writable fields of a channel, validated in the contract's order (identity spec §8.2).
struct ChannelFields: Sendable {
    static let nameTaken = FieldMessage.taken("推广名称")

    var name: Field<String>
    var planDate: Field<String>
    var salesMan: Field<Int>
    var planStudentNumber: Field<Int>
    var planFileStudentNumber: Field<Int>
    var planPayedStudentNumber: Field<Int>

    /// `excluding` is the channel being updated (its own name is not a clash).
    init(_ reader: FieldReader, on sql: any SQLDatabase, excluding: Int? = nil) async throws {
        name = try reader.string("name", max: 30)
        if let name = name.value, try await Self.nameTaken(name, excluding: excluding, on: sql) {
            throw AppError.field("name", Self.nameTaken)
        }
        planDate = try reader.date("plan_date")
        salesMan = try await reader.relatedRow("sales_man", table: "summer_sales_man", on: sql)
        planStudentNumber = try reader.int("plan_student_number")
        planFileStudentNumber = try reader.int("plan_file_student_number")
        planPayedStudentNumber = try reader.int("plan_payed_student_number")
    }

    static func nameTaken(_ name: String, excluding: Int?, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT id FROM summer_market_channel WHERE name = \(bind: name) AND id <> \(bind: excluding ?? 0)
            """).first() != nil
    }
}
