// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "registrar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "registrar", targets: ["registrar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "RegistrarCore",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "SummerSchool",
            dependencies: ["RegistrarCore", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(name: "Tutoring", dependencies: ["RegistrarCore"]),
        .target(
            name: "RegistrarTesting",
            dependencies: ["RegistrarCore", .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/RegistrarTesting"
        ),
        .executableTarget(
            name: "registrar",
            dependencies: [
                "RegistrarCore", "SummerSchool", "Tutoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RegistrarCoreTests",
            dependencies: [
                "RegistrarCore", "RegistrarTesting", "registrar", "SummerSchool", "Tutoring",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "SummerSchoolTests",
            dependencies: ["SummerSchool", "RegistrarCore", "RegistrarTesting", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "TutoringTests",
            dependencies: ["Tutoring", "RegistrarCore", "RegistrarTesting", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
