import Foundation
import RegistrarCore
import RegistrarTesting
import Tutoring
import XCTest

final class StaffTests: XCTestCase {
    func testInfoFiltersAndOrder() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1, name: "admin")
            let sales = try await h.createStaff(name: "张丽", phone: "13800138003", role: 5)
            let other = try await h.createStaff(role: 6)
            let all = try await h.get("/admin/staff/info", token: admin.token)
            XCTAssertEqual(all.code, 0)
            XCTAssertEqual(all.data?.arrayValue?.compactMap { $0["staffID"]?.intValue }, [other, sales, admin.id])
            let item = all.data?[1]
            XCTAssertEqual(item?["name"]?.stringValue, "张丽")
            XCTAssertEqual(item?["phone"]?.stringValue, "13800138003")
            XCTAssertEqual(item?["roler"]?.stringValue, "销售专员")
            XCTAssertEqual(item?["rolerCode"]?.intValue, 5)
            XCTAssertGreaterThan(item?["createTime"]?.intValue ?? 0, 1_000_000_000)
            XCTAssertNil(item?["password_hash"])

            let byRole = try await h.get("/admin/staff/info", token: admin.token, query: ["roler": 5])
            XCTAssertEqual(byRole.data?.arrayValue?.count, 1)
            let byID = try await h.get("/admin/staff/info", token: admin.token, query: ["staffID": sales, "roler": ""])
            XCTAssertEqual(byID.data?.arrayValue?.count, 1)
            let excluded = try await h.get("/admin/staff/info", token: admin.token, query: ["staffID": sales, "roler": 6])
            XCTAssertEqual(excluded.data?.arrayValue?.count, 0)
            let missing = try await h.get("/admin/staff/info", token: admin.token, query: ["staffID": 999])
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.msg, "员工不存在")
            XCTAssertEqual(missing.fieldName, "staffID")
            let badRole = try await h.get("/admin/staff/info", token: admin.token, query: ["roler": 8])
            XCTAssertEqual(badRole.code, 400)
            XCTAssertEqual(badRole.msg, "职位角色取值无效")
            let badID = try await h.get("/admin/staff/info", token: admin.token, query: ["staffID": "x"])
            XCTAssertEqual(badID.msg, "员工ID格式不正确")
            let zero = try await h.get("/admin/staff/info", token: admin.token, query: ["staffID": 0])
            XCTAssertEqual(zero.msg, "员工ID超出允许范围")
        }
    }

    func testRoler() async throws {
        try await TutoringHarness.run { h in
            let me = try await h.staff(role: 7)
            let r = try await h.get("/admin/roler", token: me.token)
            XCTAssertEqual(r.code, 0)
            XCTAssertEqual(r.data?.arrayValue?.compactMap { $0["code"]?.intValue }, [1, 2, 3, 4, 5, 6, 7])
            XCTAssertEqual(r.data?[6]?["name"]?.stringValue, "财务人员")
            do { let value = try await h.get("/admin/roler/", token: me.token).code; XCTAssertEqual(value, 0) }
            do { let value = try await h.get("/admin/roler").code; XCTAssertEqual(value, 401) }
        }
    }

    private static func addBody(_ name: String, _ phone: String, role: Int) -> [String: Any] {
        ["name": name, "password": "passw0rd!", "repassword": "passw0rd!", "phone": phone, "roler": role]
    }

    func testAddHappyPathAndLogin() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let r = try await h.post("/admin/staff/add", token: admin.token, json: Self.addBody(" 新员工 ", "13500000000", role: 1))
            XCTAssertEqual(r.code, 0)
            XCTAssertNil(r.json["data"])
            let hash = try await h.sql.raw("SELECT password_hash AS value FROM tutoring_staff WHERE name = '新员工'")
                .first(decoding: [String: String].self)?["value"]
            XCTAssertTrue(hash?.hasPrefix("$2") ?? false)
            _ = try await h.login(name: "新员工", password: "passw0rd!")
        }
    }

    func testAddValidation() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            func check(_ body: [String: Any], _ msg: String, _ field: String, code: Int = 400) async throws {
                let r = try await h.post("/admin/staff/add", token: admin.token, json: body)
                XCTAssertEqual(r.code, code, msg)
                XCTAssertEqual(r.msg, msg)
                XCTAssertEqual(r.fieldName, field)
            }
            var body = Self.addBody("a", "13500000000", role: 5)
            body["name"] = nil
            try await check(body, "用户名不能为空", "name")
            body["name"] = String(repeating: "x", count: 31)
            try await check(body, "用户名长度不能超过30个字符", "name")
            body["name"] = "ok"
            body["password"] = "short"
            try await check(body, TutoringInput.passwordRuleMessage, "password")
            body["password"] = "密码密码密码"
            try await check(body, TutoringInput.passwordRuleMessage, "password")
            body["password"] = "passw0rd!"
            body["repassword"] = nil
            try await check(body, "确认密码不能为空", "repassword")
            body["repassword"] = "passw0rd!"
            body["phone"] = "1350000000"
            try await check(body, "手机号码格式不正确", "phone")
            body["phone"] = 13500000000
            try await check(body, "手机号码格式不正确", "phone")
            body["phone"] = "13500000000"
            body["roler"] = 0
            try await check(body, "员工角色取值无效", "roler")
            body["roler"] = 2.5
            try await check(body, "员工角色格式不正确", "roler")
            body["roler"] = "5"
            body["repassword"] = "other12"
            try await check(body, "两次输入的密码不一致", "repassword")
            let count = try await h.count("tutoring_staff")
            XCTAssertEqual(count, 1)
        }
    }

    func testAddPermissionsAndUniqueness() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1, name: "admin", phone: "13800000001")
            let manager = try await h.staff(role: 2)
            let salesLead = try await h.staff(role: 3)
            let serviceLead = try await h.staff(role: 4)
            var phone = 13_500_000_000
            func add(_ caller: TutoringHarness.Caller, role: Int) async throws -> (Int?, String?) {
                phone += 1
                let r = try await h.post("/admin/staff/add", token: caller.token, json: Self.addBody("n\(phone)", "\(phone)", role: role))
                return (r.code, r.fieldName)
            }
            // C1: 1 → 1..7, 2 → 3..7, 3 → 5, 4 → 6.
            let matrix: [(TutoringHarness.Caller, Set<Int>)] = [
                (admin, [1, 2, 3, 4, 5, 6, 7]), (manager, [3, 4, 5, 6, 7]), (salesLead, [5]), (serviceLead, [6]),
            ]
            for (caller, allowed) in matrix {
                for role in 1...7 {
                    let (code, field) = try await add(caller, role: role)
                    if allowed.contains(role) {
                        XCTAssertEqual(code, 0, "role \(caller.role) adding \(role)")
                    } else {
                        XCTAssertEqual(code, 403, "role \(caller.role) adding \(role)")
                        XCTAssertEqual(field, "roler")
                    }
                }
            }
            for role in 5...7 {
                let caller = try await h.staff(role: role)
                let r = try await h.post("/admin/staff/add", token: caller.token, json: Self.addBody("x", "13511111111", role: 6))
                XCTAssertEqual(r.code, 403)
                XCTAssertEqual(r.msg, "没有权限")
                XCTAssertEqual(r.fieldName, "")
                // The role gate comes before body decoding.
                let malformed = try await h.send(.post, "/admin/staff/add", token: caller.token, body: .init(string: "{"))
                XCTAssertEqual(malformed.code, 403)
            }
            let dupName = try await h.post("/admin/staff/add", token: admin.token, json: Self.addBody("admin", "13522222222", role: 5))
            XCTAssertEqual(dupName.code, 409)
            XCTAssertEqual(dupName.msg, "用户名已存在")
            XCTAssertEqual(dupName.fieldName, "name")
            let dupPhone = try await h.post("/admin/staff/add", token: admin.token, json: Self.addBody("fresh", "13800000001", role: 5))
            XCTAssertEqual(dupPhone.code, 409)
            XCTAssertEqual(dupPhone.msg, "手机号已被使用")
            XCTAssertEqual(dupPhone.fieldName, "phone")
        }
    }

    func testUpdateRules() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let manager = try await h.staff(role: 2)
            let salesLead = try await h.staff(role: 3)
            let sales = try await h.staff(role: 5)
            let service = try await h.createStaff(role: 6)
            let otherAdmin = try await h.createStaff(role: 1)

            func update(_ caller: TutoringHarness.Caller, _ body: [String: Any]) async throws -> (Int?, String?, String?) {
                let r = try await h.put("/admin/staff/update", token: caller.token, json: body)
                return (r.code, r.msg, r.fieldName)
            }
            // Oneself: name and phone yes, role no.
            var r = try await update(sales, ["staffID": sales.id, "name": "自己", "roler": 5])
            XCTAssertEqual(r.0, 0)
            r = try await update(sales, ["staffID": sales.id, "roler": 6])
            XCTAssertEqual(r.0, 403)
            XCTAssertEqual(r.1, "不能修改自己的角色")
            XCTAssertEqual(r.2, "roler")
            r = try await update(admin, ["staffID": admin.id, "roler": 2])
            XCTAssertEqual(r.1, "不能修改自己的角色")
            // Others: the caller must manage the target's current role.
            r = try await update(sales, ["staffID": service, "name": "x"])
            XCTAssertEqual(r.0, 403)
            XCTAssertEqual(r.1, "无权修改该员工")
            XCTAssertEqual(r.2, "staffID")
            r = try await update(salesLead, ["staffID": sales.id, "phone": "13300000000"])
            XCTAssertEqual(r.0, 0)
            r = try await update(salesLead, ["staffID": service, "phone": "13300000001"])
            XCTAssertEqual(r.1, "无权修改该员工")
            // Role changes: only 1 or 2, only to managed roles; the same role is no change.
            r = try await update(salesLead, ["staffID": sales.id, "roler": 5])
            XCTAssertEqual(r.0, 0)
            r = try await update(salesLead, ["staffID": sales.id, "roler": 6])
            XCTAssertEqual(r.1, "只有超级管理员或总经理可以修改角色")
            r = try await update(manager, ["staffID": sales.id, "roler": 2])
            XCTAssertEqual(r.1, "无权设置该角色")
            r = try await update(manager, ["staffID": otherAdmin, "name": "x"])
            XCTAssertEqual(r.1, "无权修改该员工")
            r = try await update(manager, ["staffID": sales.id, "roler": 7])
            XCTAssertEqual(r.0, 0)
            // The role change applies to the target's existing session at once.
            let info = try await h.get("/admin/user/info", token: sales.token)
            XCTAssertEqual(info.data?["rolerCode"]?.intValue, 7)
            r = try await update(admin, ["staffID": otherAdmin, "roler": 2])
            XCTAssertEqual(r.0, 0)

            r = try await update(admin, ["staffID": 999, "name": "x"])
            XCTAssertEqual(r.0, 404)
            XCTAssertEqual(r.1, "员工不存在")
            r = try await update(admin, ["name": "x"])
            XCTAssertEqual(r.1, "员工ID不能为空")
            r = try await update(admin, ["staffID": service, "name": " "])
            XCTAssertEqual(r.1, "用户名不能为空")
            r = try await update(admin, ["staffID": service, "name": "自己"])
            XCTAssertEqual(r.0, 409)
            XCTAssertEqual(r.2, "name")
            r = try await update(admin, ["staffID": service, "phone": "13300000000"])
            XCTAssertEqual(r.0, 409)
            XCTAssertEqual(r.2, "phone")
            r = try await update(admin, ["staffID": String(service)])
            XCTAssertEqual(r.0, 0)
        }
    }

    func testDeleteRules() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let serviceLead = try await h.staff(role: 4)
            let victim = try await h.staff(role: 6, name: "victim", phone: "13344445555")
            let sales = try await h.staff(role: 5)
            let studentID = try await h.createStudent(headmasterID: victim.id)

            let gate = try await h.delete("/admin/staff/delete", token: sales.token, query: ["staffID": victim.id])
            XCTAssertEqual(gate.code, 403)
            XCTAssertEqual(gate.msg, "没有权限")
            let selfDelete = try await h.delete("/admin/staff/delete", token: serviceLead.token, query: ["staffID": serviceLead.id])
            XCTAssertEqual(selfDelete.code, 403)
            XCTAssertEqual(selfDelete.msg, "不能删除自己")
            XCTAssertEqual(selfDelete.fieldName, "staffID")
            let unmanaged = try await h.delete("/admin/staff/delete", token: serviceLead.token, query: ["staffID": sales.id])
            XCTAssertEqual(unmanaged.code, 403)
            XCTAssertEqual(unmanaged.msg, "无权删除该员工")
            let missing = try await h.delete("/admin/staff/delete", token: admin.token, query: ["staffID": 999])
            XCTAssertEqual(missing.code, 404)
            XCTAssertEqual(missing.fieldName, "staffID")

            // Body parameters work for DELETE; the query wins over the body.
            let ok = try await h.delete("/admin/staff/delete", token: serviceLead.token, json: ["staffID": victim.id])
            XCTAssertEqual(ok.code, 0)
            do { let value = try await h.intValue("deleted_by", of: "tutoring_staff", id: victim.id); XCTAssertEqual(value, serviceLead.id) }
            do { let value = try await h.get("/admin/user/info", token: victim.token).code; XCTAssertEqual(value, 401, "sessions end") }
            let login = try await h.post("/admin/user/login", json: ["name": "victim", "password": TutoringHarness.defaultPassword])
            XCTAssertEqual(login.code, 400)
            let again = try await h.delete("/admin/staff/delete", token: admin.token, query: ["staffID": victim.id])
            XCTAssertEqual(again.code, 404)
            // Name and phone are free again; references keep the name.
            let reuse = try await h.post("/admin/staff/add", token: admin.token, json: [
                "name": "victim", "password": "passw0rd", "repassword": "passw0rd", "phone": "13344445555", "roler": 6,
            ])
            XCTAssertEqual(reuse.code, 0)
            let student = try await h.get("/admin/student/info", token: admin.token, query: ["studentID": studentID])
            XCTAssertEqual(student.data?["headmaster"]?.stringValue, "victim")
            XCTAssertEqual(student.data?["headmasterID"]?.intValue, victim.id)
            let list = try await h.get("/admin/staff/info", token: admin.token)
            XCTAssertFalse(list.data?.arrayValue?.contains { $0["staffID"]?.intValue == victim.id } ?? true)

            let queryWins = try await h.delete(
                "/admin/staff/delete", token: admin.token, query: ["staffID": 999], json: ["staffID": sales.id])
            XCTAssertEqual(queryWins.code, 404)
        }
    }

    func testConcurrentAddsOfOneNameGiveOneSuccess() async throws {
        try await TutoringHarness.run { h in
            let admin = try await h.staff(role: 1)
            let token = admin.token
            let codes = try await withThrowingTaskGroup(of: Int?.self) { group in
                for i in 0..<6 {
                    group.addTask {
                        try await h.post("/admin/staff/add", token: token, json: Self.addBody("同名", "1350000000\(i)", role: 5)).code
                    }
                }
                var codes: [Int?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            XCTAssertEqual(codes.filter { $0 == 0 }.count, 1)
            XCTAssertEqual(codes.filter { $0 == 409 }.count, 5)
        }
    }

    func testCreateAdmin() async throws {
        try await TestDatabase.with(migrations: TutoringApp.migrations) { db in
            let id = try await TutoringApp.createAdmin(name: "root", phone: "13800000000", password: "rootpass", database: db)
            XCTAssertGreaterThan(id, 0)
            do {
                _ = try await TutoringApp.createAdmin(name: "root", phone: "13800000001", password: "rootpass", database: db)
                XCTFail("duplicate name accepted")
            } catch let error as OperatorError {
                XCTAssertTrue(error.description.contains("用户名已存在"), error.description)
            }
            for (name, phone, password) in [("", "13800000002", "rootpass"), ("x", "123", "rootpass"), ("y", "13800000003", "a b")] {
                do {
                    _ = try await TutoringApp.createAdmin(name: name, phone: phone, password: password, database: db)
                    XCTFail("invalid admin accepted")
                } catch is OperatorError {}
            }
            // The new administrator logs in with role 1.
            struct Role: Decodable { let role: Int }
            let row = try await db.sql.raw("SELECT role FROM tutoring_staff WHERE id = \(bind: id)").first(decoding: Role.self)
            XCTAssertEqual(row?.role, 1)
        }
    }
}
