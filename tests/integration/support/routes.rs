//! Every route the application registers, with who may use it: the one
//! list behind the access table (access.rs), the bad-input campaign
//! (hostile.rs) and the CSRF and log checks (security.rs). A route added
//! to src/routes without a row here fails
//! `the_route_table_is_every_registered_route` (routes.rs).

/// How a route is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    Get,
    Post,
}

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anyone, without an account.
    Public,
    /// Whoever holds the token of the address: the submitter's tracking
    /// and confirmation links, reset, invitation, setup and subscription
    /// links.
    LinkHolder,
    /// Anyone signed in.
    SignedIn,
    /// A member of the request's group.
    Member,
    /// The convenor of the request's group.
    Convenor,
    /// The convenor of the request's group or the secretariat (the public
    /// wording of a request).
    ConvenorOrSecretariat,
    Secretariat,
    /// A sponsor's account (a member body's or liaison's), on the
    /// requests addressed to its organisation.
    Sponsor,
}

/// One route.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: Method,
    /// The pattern as src/routes registers it.
    pub pattern: &'static str,
    /// An address of the route, each placeholder naming what fills it:
    /// `{reference}` a request, `{slug}` a standard, `{group}`, `{user}`,
    /// `{committee}`, `{organisation}`, `{subscription}`
    /// and its `{mac}`, `{token}` (of a mailed link), `{asset}` (a static
    /// file's name), `{webhook}` (an endpoint).
    pub example: &'static str,
    pub audience: Audience,
    /// A post whose form carries the CSRF token.
    pub csrf: bool,
}

/// What the placeholders of an example may name.
pub const KINDS: &[&str] = &[
    "reference",
    "slug",
    "group",
    "user",
    "committee",
    "organisation",
    "subscription",
    "mac",
    "token",
    "asset",
    "webhook",
];

const fn get(pattern: &'static str, audience: Audience) -> Route {
    Route {
        method: Method::Get,
        pattern,
        example: pattern,
        audience,
        csrf: false,
    }
}

const fn post(pattern: &'static str, audience: Audience) -> Route {
    Route {
        method: Method::Post,
        pattern,
        example: pattern,
        audience,
        csrf: true,
    }
}

impl Route {
    /// Where the pattern's own names do not say what fills them.
    const fn at(self, example: &'static str) -> Route {
        Route { example, ..self }
    }

    /// A post sent by a mail program, which has no form and no token.
    const fn without_csrf(self) -> Route {
        Route {
            csrf: false,
            ..self
        }
    }

    /// The example with each placeholder replaced by `value(kind)`.
    pub fn address(&self, value: impl FnMut(&str) -> String) -> String {
        fill(self.example, value)
    }
}

use Audience::*;

#[rustfmt::skip]
pub const ROUTES: &[Route] = &[
    // The register, for everyone.
    get("/",                                               Public),
    get("/clarifications",                                 Public),
    get("/clarifications/{reference}",                     Public),
    // New information on a published clarification.
    get("/clarifications/{reference}/new-information",     Public),
    post("/clarifications/{reference}/new-information",    Public),
    get("/clarifications/{reference}/v{number}",           Public).at("/clarifications/{reference}/v1"),
    get("/clarifications/{reference}/versions",            Public),
    // PDF documents: a clarification in force, one version, a standard's set.
    get("/clarifications/{reference}.pdf",                 Public),
    get("/clarifications/{reference}/v{number}.pdf",       Public).at("/clarifications/{reference}/v1.pdf"),
    get("/standards/{slug}/clarifications.pdf",            Public),
    get("/clarifications.csv",                             Public),
    get("/standards",                                      Public),
    get("/standards/{slug}",                               Public),
    get("/standards/{slug}/revision",                      Public),
    get("/feeds/clarifications.atom",                      Public),
    get("/feeds/standards/{slug}.atom",                    Public),
    get("/api/openapi.json",                               Public),
    get("/api/v1/clarifications",                          Public),
    get("/api/v1/clarifications/{reference}",              Public),
    get("/api/v1/clarifications/{reference}/versions/{number}", Public).at("/api/v1/clarifications/{reference}/versions/1"),
    get("/api/v1/standards",                               Public),
    get("/static/{name}",                                  Public).at("/static/{asset}"),
    // Following a standard.
    get("/standards/{slug}/subscribe",                     Public),
    post("/standards/{slug}/subscribe",                    Public),
    get("/standards/{slug}/subscribe/sent",                Public),
    get("/subscriptions/confirm/{token}",                  LinkHolder),
    post("/subscriptions/confirm/{token}",                 LinkHolder),
    get("/subscriptions/unsubscribe/{id}/{mac}",           LinkHolder).at("/subscriptions/unsubscribe/{subscription}/{mac}"),
    // One-click unsubscribe (RFC 8058): the link's MAC is the credential.
    post("/subscriptions/unsubscribe/{id}/{mac}",          LinkHolder).at("/subscriptions/unsubscribe/{subscription}/{mac}").without_csrf(),
    // The submitter.
    get("/requests/new",                                   Public),
    post("/requests",                                      Public),
    get("/requests",                                       Public),
    get("/requests/sent",                                  Public),
    get("/requests/confirm/{token}",                       LinkHolder),
    post("/requests/confirm/{token}",                      LinkHolder),
    get("/track/{token}",                                  LinkHolder),
    post("/track/{token}/reply",                           LinkHolder),
    get("/track/{token}/withdraw",                         LinkHolder),
    post("/track/{token}/withdraw",                        LinkHolder),
    post("/track/{token}/reconsideration",                 LinkHolder),
    get("/endorse/{token}",                                LinkHolder),
    post("/endorse/{token}",                               LinkHolder),
    get("/refer",                                          Public),
    // A member body's or liaison's account: its requests, and its queue.
    get("/sponsor",                                        Sponsor),
    get("/sponsor/requests/{reference}",                   Sponsor),
    post("/sponsor/requests/{reference}",                  Sponsor),
    // A consulted liaison's private review of a decided answer.
    get("/consultation/{token}",                           LinkHolder),
    post("/consultation/{token}",                          LinkHolder),
    // Accounts.
    get("/login",                                          Public),
    post("/login",                                         Public),
    get("/logout",                                         Public),
    post("/logout",                                        SignedIn),
    get("/language",                                       Public),
    post("/language",                                      Public),
    get("/password/forgot",                                Public),
    post("/password/forgot",                               Public),
    get("/password/reset/{token}",                         LinkHolder),
    post("/password/reset/{token}",                        LinkHolder),
    get("/invitation/{token}",                             LinkHolder),
    post("/invitation/{token}",                            LinkHolder),
    get("/setup/{token}",                                  LinkHolder),
    post("/setup/{token}",                                 LinkHolder),
    // The workspace.
    get("/workspace",                                      SignedIn),
    get("/workspace/requests",                             SignedIn),
    get("/workspace/requests/{reference}",                 Member),
    get("/workspace/requests/{reference}/case",            Member),
    get("/workspace/requests/{reference}/case.json",       Member),
    // The screening question; the six addresses after it answer it with
    // their choice made.
    post("/workspace/requests/{reference}/screen",         Secretariat),
    get("/workspace/requests/{reference}/wording",         ConvenorOrSecretariat),
    post("/workspace/requests/{reference}/wording",        ConvenorOrSecretariat),
    // The French version of a decided or published clarification.
    get("/workspace/requests/{reference}/translation",     ConvenorOrSecretariat),
    post("/workspace/requests/{reference}/translation",    ConvenorOrSecretariat),
    post("/workspace/requests/{reference}/accept",         Secretariat),
    post("/workspace/requests/{reference}/ask",            Secretariat),
    post("/workspace/requests/{reference}/not-admissible", Secretariat),
    post("/workspace/requests/{reference}/refer",          Secretariat),
    post("/workspace/requests/{reference}/duplicate",      Secretariat),
    post("/workspace/requests/{reference}/reassign",       Secretariat),
    post("/workspace/requests/{reference}/comments",       Member),
    post("/workspace/requests/{reference}/rounds",         Convenor),
    post("/workspace/requests/{reference}/vote",           Member),
    post("/workspace/requests/{reference}/responses",      Convenor),
    post("/workspace/requests/{reference}/allowances",     Convenor),
    post("/workspace/requests/{reference}/consensus",      Convenor),
    // A voter objects to a decision open to objection.
    post("/workspace/requests/{reference}/objections",     Member),
    post("/workspace/requests/{reference}/meeting",        Convenor),
    post("/workspace/requests/{reference}/no-consensus-yet", Convenor),
    post("/workspace/requests/{reference}/no-consensus",   Convenor),
    post("/workspace/requests/{reference}/publish",        Secretariat),
    post("/workspace/requests/{reference}/mark",           Secretariat),
    get("/workspace/requests/{reference}/correct",         Secretariat),
    post("/workspace/requests/{reference}/correct",        Secretariat),
    post("/workspace/requests/{reference}/send-back",      Secretariat),
    post("/workspace/requests/{reference}/liaison-responses", Secretariat),
    // Appeals against a request's decision; the group reads them.
    get("/workspace/requests/{reference}/appeals/new",     Secretariat),
    post("/workspace/requests/{reference}/appeals",        Secretariat),
    get("/workspace/requests/{reference}/appeals/{number}", Member).at("/workspace/requests/{reference}/appeals/1"),
    post("/workspace/requests/{reference}/appeals/{number}/steps", Secretariat).at("/workspace/requests/{reference}/appeals/1/steps"),
    post("/workspace/requests/{reference}/appeals/{number}/notice", Secretariat).at("/workspace/requests/{reference}/appeals/1/notice"),
    // The registry. A GET of a form's action leads back to its page.
    get("/admin",                                          Secretariat),
    get("/admin/standards",                                Secretariat),
    get("/admin/standards/new",                            Secretariat),
    post("/admin/standards",                               Secretariat),
    get("/admin/standards/{slug}/edit",                    Secretariat),
    post("/admin/standards/{slug}",                        Secretariat),
    get("/admin/standards/{slug}",                         Secretariat),
    get("/admin/groups",                                   Secretariat),
    get("/admin/groups/new",                               Secretariat),
    post("/admin/groups",                                  Secretariat),
    get("/admin/groups/{group}",                           Secretariat),
    post("/admin/groups/{group}/members",                  Secretariat),
    get("/admin/groups/{group}/members",                   Secretariat),
    get("/admin/groups/{group}/members/{user}",            Secretariat),
    post("/admin/groups/{group}/members/{user}",           Secretariat),
    post("/admin/groups/{group}/members/{user}/remove",    Secretariat),
    get("/admin/groups/{group}/members/{user}/{action}",   Secretariat).at("/admin/groups/{group}/members/{user}/remove"),
    post("/admin/groups/{group}/rules",                    Secretariat),
    get("/admin/groups/{group}/rules",                     Secretariat),
    get("/admin/organisations",                            Secretariat),
    get("/admin/organisations/new",                        Secretariat),
    post("/admin/organisations",                           Secretariat),
    get("/admin/organisations/{id}/edit",                  Secretariat).at("/admin/organisations/{organisation}/edit"),
    post("/admin/organisations/{id}",                      Secretariat).at("/admin/organisations/{organisation}"),
    get("/admin/organisations/{id}",                       Secretariat).at("/admin/organisations/{organisation}"),
    post("/admin/registry/checked",                        Secretariat),
    get("/admin/consultation",                             Secretariat),
    post("/admin/consultation",                            Secretariat),
    post("/admin/consultation/remove",                     Secretariat),
    get("/admin/committees",                               Secretariat),
    get("/admin/committees/new",                           Secretariat),
    post("/admin/committees",                              Secretariat),
    get("/admin/committees/{id}/edit",                     Secretariat).at("/admin/committees/{committee}/edit"),
    post("/admin/committees/{id}",                         Secretariat).at("/admin/committees/{committee}"),
    get("/admin/committees/{id}",                          Secretariat).at("/admin/committees/{committee}"),
    get("/admin/users",                                    Secretariat),
    get("/admin/users/invite",                             Secretariat),
    post("/admin/users/invite",                            Secretariat),
    post("/admin/users/{id}/deactivate",                   Secretariat).at("/admin/users/{user}/deactivate"),
    post("/admin/users/{id}/reactivate",                   Secretariat).at("/admin/users/{user}/reactivate"),
    get("/admin/users/{id}/{action}",                      Secretariat).at("/admin/users/{user}/deactivate"),
    get("/admin/mail",                                     Secretariat),
    get("/admin/stats",                                    Secretariat),
    get("/admin/webhooks",                                 Secretariat),
    post("/admin/webhooks",                                Secretariat),
    get("/admin/webhooks/{id}",                            Secretariat).at("/admin/webhooks/{webhook}"),
    post("/admin/webhooks/{id}/enable",                    Secretariat).at("/admin/webhooks/{webhook}/enable"),
    post("/admin/webhooks/{id}/disable",                   Secretariat).at("/admin/webhooks/{webhook}/disable"),
    post("/admin/webhooks/{id}/secret",                    Secretariat).at("/admin/webhooks/{webhook}/secret"),
    post("/admin/webhooks/{id}/remove",                    Secretariat).at("/admin/webhooks/{webhook}/remove"),
    get("/admin/webhooks/{id}/{action}",                   Secretariat).at("/admin/webhooks/{webhook}/remove"),
    // Operations.
    get("/healthz",                                        Public),
    get("/readyz",                                         Public),
    get("/metrics",                                        Public),
];

/// The routes reached with `method`.
pub fn with_method(method: Method) -> impl Iterator<Item = &'static Route> {
    ROUTES.iter().filter(move |route| route.method == method)
}

/// The route whose example this is.
pub fn find(method: Method, example: &str) -> Option<&'static Route> {
    ROUTES
        .iter()
        .find(|route| route.method == method && route.example == example)
}

/// `path` with each `{placeholder}` replaced by `value(placeholder)`.
pub fn fill(path: &str, mut value: impl FnMut(&str) -> String) -> String {
    let mut filled = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("a closed placeholder");
        filled.push_str(&rest[..open]);
        filled.push_str(&value(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    filled.push_str(rest);
    filled
}

/// Whether the router takes `address` for `pattern`: the same segments, a
/// placeholder standing for any text within its segment.
pub fn matches(pattern: &str, address: &str) -> bool {
    let pattern: Vec<_> = pattern.split('/').collect();
    let address: Vec<_> = address.split('/').collect();
    pattern.len() == address.len()
        && pattern
            .iter()
            .zip(&address)
            .all(|(p, a)| match p.find('{') {
                None => p == a,
                Some(open) => {
                    let after = &p[p.find('}').unwrap() + 1..];
                    a.len() > open + after.len() && a.starts_with(&p[..open]) && a.ends_with(after)
                }
            })
}
