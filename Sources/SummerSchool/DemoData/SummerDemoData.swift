import RegistrarCore
import SQLKit

/// `registrar demo-data` for the summer API (decisions 11/30): the documented test accounts, consultants,
/// coupons and channels. Each item is looked up by its natural key first, so running it again adds nothing.
enum SummerDemoData {
    struct Account {
        let username: String
        let password: String
        let role: Role
        let name: String?
    }

    static let accounts = [
        Account(username: "AdminUser", password: "123456", role: .admin, name: "管理员"),
        Account(username: "StudentTest", password: "123456", role: .student, name: nil),
    ]

    static let consultants: [(name: String, wechat: String, email: String)] = [
        ("zhangsan", "zhangsanweixin", "zhangsan@example.com"),
        ("lisi", "lisiweixin", "lisi@example.com"),
    ]

    /// (info, amount in cents, max_num, days valid from the load).
    static let coupons: [(info: String, cents: Int64, maxNum: Int, days: Int64)] = [
        ("北京大学专属优惠券", 200_000, 30, 60),
        ("暑期早鸟优惠券", 50_050, 100, 120),
    ]

    /// (name, plan date, consultant index, planned participants / files / payers).
    static let channels: [(name: String, planDate: String, consultant: Int, numbers: (Int, Int, Int))] = [
        ("西南财大9月推广第一期", "2026-09-01", 0, (200, 100, 50)),
        ("北京高校宣讲会", "2026-10-15", 1, (120, 60, 30)),
    ]

    private struct ID: Decodable { let id: Int }
    private struct CouponKey: Decodable { let id: Int; let amount: Int64 }

    /// The catalogue and the students' history carry fixed times (2026-06-01 UTC onwards), so every load
    /// yields the same rows.
    static let catalogTime: Int64 = 1_780_272_000 * SummerTime.microsPerSecond

    static func load(database: RegistrarDatabase, passwords: Passwords = Passwords()) async throws -> String {
        var hashes: [String: String] = [:]
        for account in accounts { hashes[account.username] = try await passwords.hash(account.password) }
        let qr = StubWeChatClient()
        let now = SummerTime.now()

        return try await database.transaction { [hashes] sql in
            var lines = ["Summer-school demo data:"]
            for account in accounts {
                if try await sql.raw("SELECT id FROM summer_user WHERE LOWER(username) = LOWER(\(bind: account.username))")
                    .first(decoding: ID.self) != nil {
                    lines.append("  login \(account.username) (\(account.role.rawValue)): already present, left unchanged")
                    continue
                }
                let id = try await sql.raw("""
                    INSERT INTO summer_user (username, password, name, role, is_active, is_superuser, create_time) \
                    VALUES (\(bind: account.username), \(bind: hashes[account.username]!), \(bind: account.name), \
                    \(bind: account.role.rawValue), \(bind: true), \(bind: false), \(bind: now)) RETURNING id
                    """).first(decoding: ID.self)!.id
                if account.role == .student {
                    // The empty profile of a first WeChat sign-in (identity spec §3.3 step 5).
                    try await sql.raw("""
                        INSERT INTO summer_student_info (user_id, name, email, wechat, cschool, wcampus, create_time, phone, valid_sales_man) \
                        VALUES (\(bind: id), '', '', '', '', '', \(bind: now), '', \(bind: false))
                        """).run()
                }
                lines.append("  login \(account.username) / \(account.password) (\(account.role.rawValue)): created")
            }

            var consultantIDs: [Int] = []
            var created = 0
            for consultant in consultants {
                if let row = try await sql.raw("""
                    SELECT id FROM summer_sales_man WHERE name = \(bind: consultant.name) AND email = \(bind: consultant.email) ORDER BY id
                    """).first(decoding: ID.self) {
                    consultantIDs.append(row.id)
                    continue
                }
                consultantIDs.append(try await sql.raw("""
                    INSERT INTO summer_sales_man (name, wechat, email, qr_code) \
                    VALUES (\(bind: consultant.name), \(bind: consultant.wechat), \(bind: consultant.email), '') RETURNING id
                    """).first(decoding: ID.self)!.id)
                created += 1
            }
            lines.append("  consultants: \(created) created, \(consultants.count - created) already present")

            created = 0
            for coupon in coupons {
                if try await sql.raw("SELECT id FROM summer_coupon WHERE info = \(bind: coupon.info)").first() != nil { continue }
                var code = CouponCode.generate()
                while try await sql.raw("SELECT id FROM summer_coupon WHERE coupon_code = \(bind: code)").first() != nil {
                    code = CouponCode.generate()
                }
                try await sql.raw("""
                    INSERT INTO summer_coupon (coupon_code, amount, info, create_time, start_time, end_time, max_num, is_active) \
                    VALUES (\(bind: code), \(bind: coupon.cents), \(bind: coupon.info), \(bind: now), \(bind: now), \
                    \(bind: now + coupon.days * 86_400 * SummerTime.microsPerSecond), \(bind: coupon.maxNum), \(bind: true))
                    """).run()
                created += 1
            }
            lines.append("  coupons: \(created) created, \(coupons.count - created) already present")

            created = 0
            for channel in channels {
                if try await sql.raw("SELECT id FROM summer_market_channel WHERE name = \(bind: channel.name)").first() != nil { continue }
                let id = try await sql.raw("""
                    INSERT INTO summer_market_channel (name, plan_date, sales_man_id, plan_student_number, \
                    plan_file_student_number, plan_payed_student_number, create_time, modified_time) \
                    VALUES (\(bind: channel.name), \(bind: channel.planDate), \(bind: consultantIDs[channel.consultant]), \
                    \(bind: channel.numbers.0), \(bind: channel.numbers.1), \(bind: channel.numbers.2), \(bind: now), \(bind: now)) \
                    RETURNING id
                    """).first(decoding: ID.self)!.id
                let code = await qr.permanentQRCode(scene: "channel_id_\(id)")
                try await sql.raw("UPDATE summer_market_channel SET qr_code = \(bind: code) WHERE id = \(bind: id)").run()
                created += 1
            }
            lines.append("  channels: \(created) created, \(channels.count - created) already present")

            let catalog = try await SummerDemoCatalog.load(on: sql, at: catalogTime)
            lines.append("  catalogue: \(catalog.created ? "\(SummerDemoCatalog.campuses.count) campuses, \(SummerDemoCatalog.projects.count) projects, \(SummerDemoCatalog.courses.count) courses created" : "already present")")
            let admin = try await sql.raw("SELECT id FROM summer_user WHERE username = \(bind: accounts[0].username)").first(decoding: ID.self)
            let coupon = try await sql.raw("SELECT id, amount FROM summer_coupon WHERE info = \(bind: coupons[0].info) ORDER BY id")
                .first(decoding: CouponKey.self)
            lines += try await SummerDemoStudents.load(
                on: sql, catalog: catalog, passwordHash: hashes[accounts[0].username]!, adminID: admin?.id,
                couponID: coupon?.id, couponCents: coupon?.amount ?? 0, at: catalogTime + 3_600 * SummerTime.microsPerSecond)
            return lines.joined(separator: "\n")
        }
    }
}
