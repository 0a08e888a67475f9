/// The password and WeChat sign-in routes as modules of the app's list. Their handlers keep a static
/// `register` of their own while their files change; these values are how the list names them.
struct LoginModule: SummerRouteModule {
    func register(_ routes: SummerRoutes) { LoginRoutes.register(routes) }
}

struct WeChatSignInModule: SummerRouteModule {
    func register(_ routes: SummerRoutes) { WeChatSignIn.register(routes) }
}
