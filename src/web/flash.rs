//! The banner that says what an action did, carried across the redirect
//! that follows it (post, redirect, get: a refresh never sends twice).
//!
//! The post sets a short-lived cookie naming a typed [`Done`], sealed with
//! a keyed hash of the instance's secret and of this browser's CSRF cookie:
//! the client can neither write one nor bring one from another browser.
//! The page after the redirect shows it, and the response clears it, so a
//! refresh shows nothing. The words are in `templates/partials/banner.html`.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::domain::keyed::keyed_hash;
use crate::error::AppError;
use crate::i18n::Arg;
use crate::web::{AppState, Page};

/// What an action did, as the next page announces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Done {
    // The workspace: `group` is the code of a maintenance group;
    // `moved_to` the group a request's new standard moved it to.
    Accepted {
        group: String,
    },
    Asked,
    NotAdmissible,
    Referred,
    Duplicate,
    Reassigned {
        group: String,
    },
    WordingEdited {
        moved_to: Option<String>,
    },
    /// The French version was saved: public now, or with the publication.
    Translated {
        public: bool,
    },
    Commented,
    RoundOpened,
    Voted,
    Answered,
    Consensus,
    NoConsensusYet,
    NoConsensus,
    Published,
    SentBack,
    /// Liaison consultation: a response to a liaison's comments; an
    /// address added to or removed from the liaisons consulted; a
    /// liaison's answer recorded.
    LiaisonResponded,
    LiaisonAddressAdded,
    LiaisonAddressRemoved,
    LiaisonAnswered,
    Marked,
    Objected,
    MeetingRecorded,
    VoteAllowed,
    Corrected {
        version: i32,
    },
    /// A change of meaning went to screening as this follow-up.
    CorrectionProposed {
        reference: String,
    },
    AppealLodged,
    AppealStep,
    AppealNotice {
        public: bool,
    },
    // The registry: `moved` counts designations taken from other committees.
    StandardAdded,
    EditionAdded,
    StandardSaved,
    GroupAdded,
    MemberAdded,
    MembershipSaved,
    RulesSaved,
    MemberRemoved,
    OrganisationAdded,
    OrganisationSaved,
    CommitteeAdded {
        moved: usize,
    },
    CommitteeSaved {
        moved: usize,
    },
    UserInvited,
    UserDeactivated,
    UserReactivated,
    WebhookEnabled,
    WebhookDisabled,
    WebhookRemoved,
    RegistryChecked,
    // The submitter.
    RequestSent {
        reference: String,
    },
    Replied,
    Withdrawn,
    // Accounts.
    FirstAccount,
    SignedOut,
    PasswordSet,
    // A sponsor's account, on the request it answered.
    SponsorEndorsed {
        reference: String,
    },
    SponsorAnswered {
        reference: String,
    },
    SponsorDeclined {
        reference: String,
    },
    // Follow-ups: the reference of the new request.
    ReconsiderationAsked {
        reference: String,
    },
}

impl Done {
    /// The message announcing it, and the message's arguments, for the
    /// banner to say in the page's language.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, Arg<'static>)>) {
        match self {
            Done::Accepted { group } => ("ws-done-accepted", vec![("group", group.clone().into())]),
            Done::Asked => ("ws-done-asked", vec![]),
            Done::NotAdmissible => ("ws-done-not-admissible", vec![]),
            Done::Referred => ("ws-done-referred", vec![]),
            Done::Duplicate => ("ws-done-duplicate", vec![]),
            Done::Reassigned { group } => {
                ("ws-done-reassigned", vec![("group", group.clone().into())])
            }
            Done::WordingEdited { moved_to: None } => ("ws-done-wording-edited", vec![]),
            Done::WordingEdited {
                moved_to: Some(group),
            } => (
                "ws-done-wording-edited-moved",
                vec![("group", group.clone().into())],
            ),
            Done::Translated { public: true } => ("tr-done-public", vec![]),
            Done::Translated { public: false } => ("tr-done-with-publication", vec![]),
            Done::Commented => ("ws-done-commented", vec![]),
            Done::RoundOpened => ("ws-done-round-opened", vec![]),
            Done::Voted => ("ws-done-voted", vec![]),
            Done::Answered => ("ws-done-answered", vec![]),
            Done::Consensus => ("ws-done-consensus", vec![]),
            Done::NoConsensusYet => ("ws-done-no-consensus-yet", vec![]),
            Done::NoConsensus => ("ws-done-no-consensus", vec![]),
            Done::Published => ("ws-done-published", vec![]),
            Done::SentBack => ("ws-done-sent-back", vec![]),
            Done::LiaisonResponded => ("ws-done-liaison-responded", vec![]),
            Done::LiaisonAddressAdded => ("ws-done-liaison-address-added", vec![]),
            Done::LiaisonAddressRemoved => ("ws-done-liaison-address-removed", vec![]),
            Done::LiaisonAnswered => ("ws-done-liaison-answered", vec![]),
            Done::Marked => ("ws-done-marked", vec![]),
            Done::Objected => ("ws-done-objected", vec![]),
            Done::MeetingRecorded => ("ws-done-meeting-recorded", vec![]),
            Done::VoteAllowed => ("ws-done-vote-allowed", vec![]),
            Done::Corrected { version } => {
                ("ws-done-corrected", vec![("version", (*version).into())])
            }
            Done::CorrectionProposed { reference } => (
                "ws-done-correction-proposed",
                vec![("reference", reference.clone().into())],
            ),
            Done::AppealLodged => ("ws-done-appeal-lodged", vec![]),
            Done::AppealStep => ("ws-done-appeal-step", vec![]),
            Done::AppealNotice { public: true } => ("ws-done-appeal-notice-public", vec![]),
            Done::AppealNotice { public: false } => ("ws-done-appeal-notice-withdrawn", vec![]),
            Done::StandardAdded => ("ws-done-standard-added", vec![]),
            Done::EditionAdded => ("ws-done-edition-added", vec![]),
            Done::StandardSaved => ("ws-done-standard-saved", vec![]),
            Done::GroupAdded => ("ws-done-group-added", vec![]),
            Done::MemberAdded => ("ws-done-member-added", vec![]),
            Done::MembershipSaved => ("ws-done-membership-saved", vec![]),
            Done::RulesSaved => ("ws-done-rules-saved", vec![]),
            Done::MemberRemoved => ("ws-done-member-removed", vec![]),
            Done::OrganisationAdded => ("ws-done-organisation-added", vec![]),
            Done::OrganisationSaved => ("ws-done-organisation-saved", vec![]),
            Done::CommitteeAdded { moved } => {
                ("ws-done-committee-added", vec![("moved", (*moved).into())])
            }
            Done::CommitteeSaved { moved } => {
                ("ws-done-committee-saved", vec![("moved", (*moved).into())])
            }
            Done::SponsorEndorsed { reference } => (
                "ws-done-sponsor-endorsed",
                vec![("reference", reference.clone().into())],
            ),
            Done::SponsorAnswered { reference } => (
                "ws-done-sponsor-answered",
                vec![("reference", reference.clone().into())],
            ),
            Done::SponsorDeclined { reference } => (
                "ws-done-sponsor-declined",
                vec![("reference", reference.clone().into())],
            ),
            Done::UserInvited => ("ws-done-user-invited", vec![]),
            Done::UserDeactivated => ("ws-done-user-deactivated", vec![]),
            Done::UserReactivated => ("ws-done-user-reactivated", vec![]),
            Done::WebhookEnabled => ("ws-done-webhook-enabled", vec![]),
            Done::WebhookDisabled => ("ws-done-webhook-disabled", vec![]),
            Done::WebhookRemoved => ("ws-done-webhook-removed", vec![]),
            Done::RegistryChecked => ("ws-done-registry-checked", vec![]),
            Done::RequestSent { reference } => (
                "ws-done-request-sent",
                vec![("reference", reference.clone().into())],
            ),
            Done::Replied => ("ws-done-replied", vec![]),
            Done::Withdrawn => ("ws-done-withdrawn", vec![]),
            Done::FirstAccount => ("ws-done-first-account", vec![]),
            Done::SignedOut => ("ws-done-signed-out", vec![]),
            Done::PasswordSet => ("ws-done-password-set", vec![]),
            Done::ReconsiderationAsked { reference } => (
                "ws-done-reconsideration-asked",
                vec![("reference", reference.clone().into())],
            ),
        }
    }
}

/// How long a banner waits for the page after its redirect.
const LIFETIME: TimeDelta = TimeDelta::seconds(60);

pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-clarion_flash"
    } else {
        "clarion_flash"
    }
}

#[derive(Serialize, Deserialize)]
struct Sealed {
    done: Done,
    /// When the action happened, in seconds since the epoch.
    at: i64,
}

/// The MAC of a sealed value, bound to the browser's CSRF cookie.
fn mac(secret: &[u8; 32], browser: &str, body: &str) -> String {
    keyed_hash(secret, "flash", &format!("{browser}:{body}"))
}

fn seal(secret: &[u8; 32], browser: &str, done: Done, now: NaiveDateTime) -> String {
    let sealed = Sealed {
        done,
        at: now.and_utc().timestamp(),
    };
    let body = hex::encode(serde_json::to_vec(&sealed).expect("a Done serializes"));
    let mac = mac(secret, browser, &body);
    format!("{body}.{mac}")
}

/// The banner a cookie carries, if this instance sealed it for this
/// browser less than [`LIFETIME`] ago.
fn open(secret: &[u8; 32], browser: &str, value: &str, now: NaiveDateTime) -> Option<Done> {
    let (body, sent_mac) = value.split_once('.')?;
    let expected = mac(secret, browser, body);
    if !bool::from(expected.as_bytes().ct_eq(sent_mac.as_bytes())) {
        return None;
    }
    let sealed: Sealed = serde_json::from_slice(&hex::decode(body).ok()?).ok()?;
    let age = now.and_utc().timestamp() - sealed.at;
    (0..=LIFETIME.num_seconds())
        .contains(&age)
        .then_some(sealed.done)
}

fn browser(req: &HttpRequest, https: bool) -> String {
    req.cookie(super::csrf::cookie_name(https))
        .map(|c| c.value().to_owned())
        .unwrap_or_default()
}

/// The redirect after a successful post, carrying the banner of what it did.
pub fn see_other(req: &HttpRequest, location: &str, done: Done) -> HttpResponse {
    let mut response = HttpResponse::SeeOther()
        .insert_header(("location", location))
        .finish();
    if let Some(state) = req.app_data::<web::Data<AppState>>() {
        let https = state.settings.is_https();
        let value = seal(
            state.settings.secret_key.expose(),
            &browser(req, https),
            done,
            state.clock.now(),
        );
        let cookie = Cookie::build(cookie_name(https), value)
            .path("/")
            .http_only(true)
            .secure(https)
            .same_site(SameSite::Lax)
            .max_age(CookieDuration::seconds(LIFETIME.num_seconds()))
            .finish();
        let _ = response.add_cookie(&cookie);
    }
    response
}

/// The banner this request brings, for [`super::Page::showing`].
pub struct Flash(pub Option<Done>);

impl FromRequest for Flash {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let done = req.app_data::<web::Data<AppState>>().and_then(|state| {
            let https = state.settings.is_https();
            let value = req.cookie(cookie_name(https))?;
            open(
                state.settings.secret_key.expose(),
                &browser(req, https),
                value.value(),
                state.clock.now(),
            )
        });
        std::future::ready(Ok(Flash(done)))
    }
}

/// Middleware step: a page shown after the redirect (anything but another
/// redirect) clears the banner, so it shows once.
pub fn clear_when_shown(
    req: &HttpRequest,
    response: &mut HttpResponse<impl actix_web::body::MessageBody>,
    https: bool,
) {
    let name = cookie_name(https);
    if req.cookie(name).is_none()
        || response.status().is_redirection()
        || response.status() == StatusCode::NOT_MODIFIED
        || response.cookies().any(|c| c.name() == name)
    {
        return;
    }
    let mut removal = Cookie::build(name, "").path("/").secure(https).finish();
    removal.make_removal();
    let _ = response.add_cookie(&removal);
}

/// The banner's words, rendered into the layout.
#[derive(Template)]
#[template(path = "partials/banner.html")]
pub struct Banner<'a> {
    pub done: &'a Done,
    pub page: &'a Page,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .unwrap()
            .naive_utc()
    }

    #[test]
    fn a_sealed_banner_opens_only_for_its_browser_within_its_lifetime() {
        let (secret, browser) = ([3; 32], "0123456789abcdef0123456789abcdef");
        let done = Done::Accepted {
            group: "MG 17065".into(),
        };
        let value = seal(&secret, browser, done.clone(), now());
        assert_eq!(open(&secret, browser, &value, now()), Some(done.clone()));
        assert_eq!(open(&secret, browser, &value, now() + LIFETIME), Some(done));
        assert_eq!(
            open(
                &secret,
                browser,
                &value,
                now() + LIFETIME + TimeDelta::seconds(1)
            ),
            None
        );
        assert_eq!(open(&secret, "another browser", &value, now()), None);
        assert_eq!(open(&[4; 32], browser, &value, now()), None);
        let (body, mac) = value.split_once('.').unwrap();
        let forged = hex::encode(br#"{"done":"Published","at":1800000000}"#);
        for junk in ["", ".", body, &format!("{forged}.{mac}"), "zz.zz"] {
            assert_eq!(open(&secret, browser, junk, now()), None, "{junk}");
        }
    }
    #[test]
    fn every_banner_is_said_in_every_language() {
        let every = [
            Done::Accepted {
                group: "MG 17065".into(),
            },
            Done::Asked,
            Done::NotAdmissible,
            Done::Referred,
            Done::Duplicate,
            Done::Reassigned {
                group: "MG 17065".into(),
            },
            Done::WordingEdited { moved_to: None },
            Done::WordingEdited {
                moved_to: Some("MG 17025".into()),
            },
            Done::Translated { public: true },
            Done::Translated { public: false },
            Done::Commented,
            Done::RoundOpened,
            Done::Voted,
            Done::Answered,
            Done::Consensus,
            Done::NoConsensusYet,
            Done::NoConsensus,
            Done::Published,
            Done::SentBack,
            Done::LiaisonResponded,
            Done::LiaisonAddressAdded,
            Done::LiaisonAddressRemoved,
            Done::LiaisonAnswered,
            Done::Marked,
            Done::Objected,
            Done::MeetingRecorded,
            Done::VoteAllowed,
            Done::Corrected { version: 2 },
            Done::CorrectionProposed {
                reference: "CR-2026-0001".into(),
            },
            Done::AppealLodged,
            Done::AppealStep,
            Done::AppealNotice { public: true },
            Done::AppealNotice { public: false },
            Done::StandardAdded,
            Done::EditionAdded,
            Done::StandardSaved,
            Done::GroupAdded,
            Done::MemberAdded,
            Done::MembershipSaved,
            Done::RulesSaved,
            Done::MemberRemoved,
            Done::OrganisationAdded,
            Done::OrganisationSaved,
            Done::CommitteeAdded { moved: 2 },
            Done::CommitteeSaved { moved: 2 },
            Done::SponsorEndorsed {
                reference: "CR-2026-0001".into(),
            },
            Done::SponsorAnswered {
                reference: "CR-2026-0001".into(),
            },
            Done::SponsorDeclined {
                reference: "CR-2026-0001".into(),
            },
            Done::UserInvited,
            Done::UserDeactivated,
            Done::UserReactivated,
            Done::WebhookEnabled,
            Done::WebhookDisabled,
            Done::WebhookRemoved,
            Done::RegistryChecked,
            Done::RequestSent {
                reference: "CR-2026-0001".into(),
            },
            Done::Replied,
            Done::Withdrawn,
            Done::FirstAccount,
            Done::SignedOut,
            Done::PasswordSet,
            Done::ReconsiderationAsked {
                reference: "CR-2026-0001".into(),
            },
        ];
        let (english, french) = (
            crate::i18n::Lang::english(),
            crate::i18n::Lang::provided("fr").unwrap(),
        );
        for done in &every {
            let (key, args) = done.message();
            let said = english.t_with(key, &args);
            assert!(
                !said.contains("Unknown") && !said.contains('{'),
                "{key}: {said}"
            );
            // A message French lacks would fall back to the same English.
            assert_ne!(french.t_with(key, &args), said, "French lacks {key}");
        }
        let (key, args) = Done::CommitteeSaved { moved: 0 }.message();
        assert_eq!(
            crate::i18n::Lang::provided("fr")
                .unwrap()
                .t_with(key, &args),
            "Le comité a été enregistré."
        );
    }
}
