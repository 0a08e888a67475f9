import FluentKit

extension SchemaBuilder {
    /// The columns every business table ends with: creation and update times (UNIX seconds) and the soft
    /// deletion of §1.10 (`deleted_at`, and the staff member who deleted).
    func timestampsAndSoftDelete() -> Self {
        self.field("create_time", .int64, .required)
            .field("update_time", .int64, .required)
            .field("deleted_at", .int64)
            .field("deleted_by", .int, .references("tutoring_staff", "id"))
    }
}
