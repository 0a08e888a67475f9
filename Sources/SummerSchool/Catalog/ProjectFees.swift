import RegistrarCore

/// A project's course-count → fee table as sent in `project_fees` (catalog spec S7, D15).
struct ProjectFee: Sendable, Equatable {
    let courseNumber: Int
    let cents: Int64
}

enum ProjectFees {
    static let empty = "project_fees不能空"
    static let notObject = "project_fees的子项必须为dict"
    static let missingKey = "project_fees子项传入错误，必须含有course_number, course_fee字段"
    static let badValue = "project_fees子项传入错误，course_number须为正整数，course_fee须为非负数"
    static let notOneToN = "project_fees参数传入错误，project_fees最大课程数量与传入要设置课程费用的个数不匹配"

    /// The field-level read of `project_fees`: required on create and PUT, a list, never null. Form bodies
    /// send items as text (each then fails the object check); an omitted list there is empty (conventions §11).
    static func read(_ reader: FieldReader, required: Bool) throws -> [JSONValue]? {
        let name = "project_fees"
        switch reader.input[name] {
        case nil:
            if reader.isForm && !reader.mode.isPartial { return [] }
            if required && !reader.mode.isPartial { throw AppError.field(name, FieldMessage.required) }
            return nil
        case .json(.null): throw AppError.field(name, FieldMessage.null)
        case .json(.array(let items)): return items
        case .json(let other): throw AppError.field(name, FieldMessage.notList(other.pythonTypeName))
        case .text(let values): return values.map(JSONValue.string)
        case .file: throw AppError.field(name, FieldMessage.notList("InMemoryUploadedFile"))
        }
    }

    /// The five ordered checks of S7 (D15), each over the whole list before the next; the table in ascending
    /// `course_number`.
    static func validate(_ items: [JSONValue]) throws -> [ProjectFee] {
        if items.isEmpty { throw AppError.rule(empty) }
        var objects: [[String: JSONValue]] = []
        for item in items {
            guard case .object(let members) = item else { throw AppError.rule(notObject) }
            objects.append(members)
        }
        for members in objects where members["course_number"] == nil || members["course_fee"] == nil {
            throw AppError.rule(missingKey)
        }
        let fees = try objects.map { members -> ProjectFee in
            guard members.count == 2, let number = courseNumber(members["course_number"]!),
                  let cents = fee(members["course_fee"]!)
            else { throw AppError.rule(badValue) }
            return ProjectFee(courseNumber: number, cents: cents)
        }
        let sorted = fees.sorted { $0.courseNumber < $1.courseNumber }
        guard sorted.map(\.courseNumber) == Array(1...sorted.count) else { throw AppError.rule(notOneToN) }
        return sorted
    }

    /// A positive 32-bit integer (`2`, `2.0` and `"2"` as the integer fields accept them).
    static func courseNumber(_ value: JSONValue) -> Int? {
        guard let number = FieldReader.integer(of: .json(value)), number >= 1, number <= Int64(Int32.max) else { return nil }
        return Int(number)
    }

    /// A non-negative amount in cents, rounded half-up like every money input (D10).
    static func fee(_ value: JSONValue) -> Int64? {
        let text: String
        switch value {
        case .int(let v): text = String(v)
        case .double(let v) where v.isFinite: text = String(v)
        case .string(let v): text = v
        default: return nil
        }
        guard case .cents(let cents) = Money.parse(text), cents >= 0 else { return nil }
        return cents
    }
}
