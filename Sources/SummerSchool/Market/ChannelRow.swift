/// A `summer_market_channel` row joined with its consultant's name, and its rendering (identity spec §8).
struct ChannelRow: Decodable, Sendable {
    let id: Int
    let name: String
    let plan_date: String
    let sales_man_id: Int
    let sales_man_name: String
    let plan_student_number: Int
    let plan_file_student_number: Int
    let plan_payed_student_number: Int
    let create_time: Int64
    var qr_code: String?

    static let columns = """
        c.id, c.name, c.plan_date, c.sales_man_id, s.name AS sales_man_name, c.plan_student_number, \
        c.plan_file_student_number, c.plan_payed_student_number, c.create_time, c.qr_code
        """
    static let from = "summer_market_channel c JOIN summer_sales_man s ON s.id = c.sales_man_id"
    static let select = "SELECT \(columns) FROM \(from)"
}

struct ChannelItem: Encodable, Sendable {
    struct SalesMan: Encodable, Sendable {
        let id: Int
        let name: String
    }

    let id: Int
    let name: String
    let plan_date: String
    let sales_man: SalesMan
    let plan_student_number: Int
    let plan_file_student_number: Int
    let plan_payed_student_number: Int
    let create_time: String
    @Nullable var qr_code: String?

    init(_ row: ChannelRow) {
        id = row.id
        name = row.name
        plan_date = row.plan_date
        sales_man = SalesMan(id: row.sales_man_id, name: row.sales_man_name)
        plan_student_number = row.plan_student_number
        plan_file_student_number = row.plan_file_student_number
        plan_payed_student_number = row.plan_payed_student_number
        create_time = SummerTime.render(row.create_time)
        qr_code = row.qr_code
    }
}

/// A channel as `POST /market/channel/` creates it (its QR code is added afterwards).
struct NewChannel: Encodable, Sendable {
    let name: String
    let planDate: String
    let salesManId: Int
    let planStudentNumber: Int
    let planFileStudentNumber: Int
    let planPayedStudentNumber: Int
    let createTime: Int64
    let modifiedTime: Int64
}
