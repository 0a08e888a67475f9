import Hummingbird
import RegistrarCore
import SQLKit

/// `/order/order_payment/...` (O6–O7): payment proofs. Upload by the order's owner or an ADMIN, only while the
/// order is TO_PAY (D2, D9); read by the owner or staff.
struct OrderPaymentRoutes: SummerRouteModule {
    /// Where proof images are stored, under the media root.
    static let folder = "order/order_payment"
    /// A proof carries a base64 image, so its JSON or form body may reach the image limit of 10 MiB
    /// (decision 35) rather than the 1 MiB of other bodies.
    static let bodyPolicy = BodyPolicy(
        textLimit: 10 << 20, multipartLimit: 10 << 20, acceptsMultipart: true, rejectsUnknownTypes: true)

    func register(_ routes: SummerRoutes) {
        routes.collection("/order/order_payment") { r in r.post { call in Reply.ok(try await Self.create(call)) } }
        routes.item("/order/order_payment/{id}") { r in r.get { call in Reply.ok(try await Self.detail(call)) } }
    }

    struct Body: Sendable {
        let orderID: Int
        let accountNumber: String
        let accountName: String
        let openingBank: String?
        let payDate: String
        let image: Base64Image
        let amount: Int64

        /// Field order of O6; `order` must be the caller's own unless the caller is an ADMIN.
        init(_ reader: FieldReader, caller: SummerUser, on sql: any SQLDatabase) async throws {
            let mayUseAny = caller.roleValue == .admin
            orderID = try await reader.relatedID("order") { id in
                try await sql.raw("""
                    SELECT id FROM summer_order WHERE id = \(bind: id) AND (\(bind: mayUseAny) OR user_id = \(bind: caller.id))
                    """).first() != nil
            }.value!
            accountNumber = try reader.string("account_number", max: 30).value!
            accountName = try reader.string("account_name", max: 30).value!
            openingBank = try reader.string("opening_bank", required: false, nullable: true, allowBlank: true, max: 30).value
            payDate = try reader.date("pay_date").value!
            // D9: a real image is required; "" (no image) is refused like a missing field.
            if reader.input["img"] == nil { throw AppError.field("img", FieldMessage.required) }
            guard case .value(let image?) = try reader.base64Image("img") else {
                throw AppError.field("img", FieldMessage.required)
            }
            self.image = image
            amount = try reader.money("amount", minCents: 0).value!
        }
    }

    static func create(_ call: SummerCall) async throws -> PaymentProofItem {
        let caller = call.caller
        let input = try await RequestInput.body(call.request, policy: Self.bodyPolicy)
        let body = try await Body(FieldReader(input, mode: .create), caller: caller, on: call.sql)
        // Refuse early, before a file is written, when the order cannot take a proof.
        if let refusal = try await OrderTransition.status(of: body.orderID, on: call.sql)?.paymentRefusal {
            throw AppError.rule(refusal)
        }
        let store = MediaStore(root: call.settings.mediaRoot)
        let path = try await store.save(body.image, in: folder)
        do {
            let row = try await call.database.transaction { sql in
                let now = SummerTime.now()
                guard try await OrderTransition.move(body.orderID, from: .toPay, to: .toConfirm, at: now, on: sql) != nil else {
                    let current = try await OrderTransition.status(of: body.orderID, on: sql)
                    throw AppError.rule(current?.paymentRefusal ?? OrderStatus.canceled.paymentRefusal!)
                }
                let proof = NewPaymentProof(
                    orderId: body.orderID, amount: body.amount, accountNumber: body.accountNumber, accountName: body.accountName,
                    openingBank: body.openingBank, payDate: body.payDate, img: path, createTime: now)
                let row = try await sql.insertRow(
                    proof, into: "summer_order_payment", returning: PaymentProofRow.columns, as: PaymentProofRow.self)
                try await OrderHistory.record(
                    order: body.orderID, operator: caller.id, key: .update, remark: OrderRemark.paid, at: now, on: sql)
                return row
            }
            return PaymentProofItem(row, mediaURL: call.mediaURL)
        } catch {
            // A refused upload leaves no file behind.
            store.remove(path)
            throw error
        }
    }

    /// O7: the owner's or, for staff, any proof.
    static func detail(_ call: SummerCall) async throws -> PaymentProofItem {
        let id = try call.pathID()
        let caller = call.caller
        let row = try await call.sql.raw("""
            SELECT \(unsafeRaw: PaymentProofRow.columns) FROM summer_order_payment WHERE id = \(bind: id) \
            AND (\(bind: !caller.isStudent) OR order_id IN (SELECT id FROM summer_order WHERE user_id = \(bind: caller.id)))
            """).first(decoding: PaymentProofRow.self)
        guard let row else { throw AppError.notFound }
        return PaymentProofItem(row, mediaURL: call.mediaURL)
    }
}
