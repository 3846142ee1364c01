//! Every message the application sends, one struct each.

use super::{MailContext, Said, email_message};
use crate::domain::follow_up::Kind;
use crate::domain::submission::Category;
use crate::i18n::Lang;

/// To the first secretariat account, once it exists.
pub struct Welcome {
    pub ctx: MailContext,
    pub name: String,
    pub login_url: String,
}
email_message!(
    Welcome,
    "email/welcome/subject.txt",
    "email/welcome/body.txt",
    "email/welcome/body.html"
);

/// What a message says about the request it concerns.
#[derive(Clone)]
pub struct RequestSummary {
    pub reference: Option<String>,
    pub standard: String,
    pub clause: String,
    pub question: String,
    /// The request this one follows, for a follow-up.
    pub follows: Option<Follows>,
}

/// The request a follow-up follows, and why, as its mail names it.
#[derive(Clone)]
pub struct Follows {
    pub kind: Kind,
    pub reference: String,
}

/// To the submitter: confirm your address (the link opens a page with a
/// button, so that mail scanners following links confirm nothing).
pub struct ConfirmRequest {
    pub ctx: MailContext,
    pub name: String,
    pub request: RequestSummary,
    pub confirm_url: String,
}
email_message!(
    ConfirmRequest,
    "email/confirm_request/subject.txt",
    "email/confirm_request/body.txt",
    "email/confirm_request/body.html"
);

/// To the submitter once confirmed: the reference and the tracking link.
pub struct Acknowledgement {
    pub ctx: MailContext,
    pub name: String,
    pub request: RequestSummary,
    pub tracking_url: String,
}
email_message!(
    Acknowledgement,
    "email/acknowledgement/subject.txt",
    "email/acknowledgement/body.txt",
    "email/acknowledgement/body.html"
);

/// To the secretariat: a confirmed request waits for screening.
pub struct NewRequestNotice {
    pub ctx: MailContext,
    pub request: RequestSummary,
    /// The responsible group, or None when the standard has none.
    pub group: Option<String>,
    /// As stored: "iso_member_body".
    pub submitter_category: String,
    /// ISO 3166 code: "FR".
    pub submitter_country: String,
    /// The member body or liaison that endorsed it: "AFNOR (FR)".
    pub sponsor: Option<String>,
    pub workspace_url: String,
}
impl NewRequestNotice {
    /// The submitter's category in the reader's language; as stored should
    /// the form no longer offer it.
    pub fn category_in(&self, lang: &Lang) -> String {
        Category::parse(&self.submitter_category)
            .map_or_else(|| self.submitter_category.clone(), |c| lang.t(c.key()))
    }
}
email_message!(
    NewRequestNotice,
    "email/new_request/subject.txt",
    "email/new_request/body.txt",
    "email/new_request/body.html"
);

/// To the secretariat: the submitter answered the question put to them.
pub struct ReplyReceived {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub reply: String,
    pub workspace_url: String,
}
email_message!(
    ReplyReceived,
    "email/reply_received/subject.txt",
    "email/reply_received/body.txt",
    "email/reply_received/body.html"
);

/// To the secretariat and the group: the submitter withdrew the request.
pub struct Withdrawn {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub workspace_url: String,
}
email_message!(
    Withdrawn,
    "email/withdrawn/subject.txt",
    "email/withdrawn/body.txt",
    "email/withdrawn/body.html"
);

/// To someone who asked to reset their password.
pub struct PasswordReset {
    pub ctx: MailContext,
    pub name: String,
    pub reset_url: String,
}
email_message!(
    PasswordReset,
    "email/password_reset/subject.txt",
    "email/password_reset/body.txt",
    "email/password_reset/body.html"
);

/// To someone the secretariat invited: a link to choose a password.
pub struct Invitation {
    pub ctx: MailContext,
    pub name: String,
    /// What the account is for, e.g. "member of MG 17025", one or more.
    pub roles: Vec<Said>,
    pub accept_url: String,
}
email_message!(
    Invitation,
    "email/invitation/subject.txt",
    "email/invitation/body.txt",
    "email/invitation/body.html"
);

/// A change on a request, told to the people concerned: the group, the
/// secretariat or the submitter. One shape serves every workspace action.
pub struct Update {
    pub ctx: MailContext,
    /// What happened, for the subject line ("accepted for MG 17025").
    pub headline: Said,
    /// Whom the mail greets by name (the submitter), if anyone.
    pub dear: Option<String>,
    /// The opening paragraph, addressed to this reader.
    pub intro: Said,
    pub request: RequestSummary,
    /// A note typed by whoever acted (their question, reason, answer …).
    pub note: Option<String>,
    /// The message id of the note's heading.
    pub note_label: &'static str,
    pub link_label: &'static str,
    pub link_url: String,
}
email_message!(
    Update,
    "email/update/subject.txt",
    "email/update/body.txt",
    "email/update/body.html"
);

/// To someone who asked to follow a standard: confirm the address (the link
/// opens a page with a button, as for requests).
pub struct ConfirmSubscription {
    pub ctx: MailContext,
    pub standard: String,
    pub confirm_url: String,
}
email_message!(
    ConfirmSubscription,
    "email/confirm_subscription/subject.txt",
    "email/confirm_subscription/body.txt",
    "email/confirm_subscription/body.html"
);

/// To each follower of a standard: a clarification of it is published.
pub struct ClarificationPublished {
    pub ctx: MailContext,
    /// Its question and answer in the follower's language: the French
    /// version for a French reader where there is one (`translated`).
    pub request: RequestSummary,
    pub answer: String,
    pub translated: bool,
    pub clarification_url: String,
    pub unsubscribe_url: String,
}
email_message!(
    ClarificationPublished,
    "email/clarification_published/subject.txt",
    "email/clarification_published/body.txt",
    "email/clarification_published/body.html"
);

/// To each follower of a standard: a published clarification was marked
/// superseded, incorporated into a new edition, or withdrawn.
pub struct ClarificationMarked {
    pub ctx: MailContext,
    pub request: RequestSummary,
    /// How it changed: superseded, incorporated or withdrawn.
    pub mark: String,
    pub note: String,
    pub clarification_url: String,
    pub unsubscribe_url: String,
}
email_message!(
    ClarificationMarked,
    "email/clarification_marked/subject.txt",
    "email/clarification_marked/body.txt",
    "email/clarification_marked/body.html"
);

/// To the group's convenors: a voter opposed the draft answer, and
/// consensus waits for the convenor's response.
pub struct OppositionRaised {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub voter: String,
    pub comment: String,
    pub link_url: String,
}
email_message!(
    OppositionRaised,
    "email/opposition/subject.txt",
    "email/opposition/body.txt",
    "email/opposition/body.html"
);

/// To every voter of a round: consensus was recorded on a text the
/// convenor changed editorially; they may object until `until`.
pub struct EditorialChange {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub convenor: String,
    pub reason: String,
    pub voted_text: String,
    pub final_text: String,
    /// The final text word by word against the voted one.
    pub difference: Vec<crate::domain::consensus::Piece>,
    pub until: chrono::NaiveDateTime,
    pub link_url: String,
}
email_message!(
    EditorialChange,
    "email/editorial_change/subject.txt",
    "email/editorial_change/body.txt",
    "email/editorial_change/body.html"
);

/// To every voting member who did not attend: the group decided the
/// answer at a meeting, and they may object until `until`.
pub struct MeetingDecision {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub convenor: String,
    pub held_on: chrono::NaiveDate,
    /// Who attended, each with their position (`Position::as_str`).
    pub attendees: Vec<(String, &'static str)>,
    pub minutes_reference: Option<String>,
    pub answer: String,
    pub until: chrono::NaiveDateTime,
    pub link_url: String,
}
email_message!(
    MeetingDecision,
    "email/meeting_decision/subject.txt",
    "email/meeting_decision/body.txt",
    "email/meeting_decision/body.html"
);

/// To the convenors and the secretariat: a voter objected to a decision,
/// which goes back to the group.
pub struct ObjectionRaised {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub objector: String,
    pub reason: String,
    /// To a decision taken at a meeting, rather than to an editorial change.
    pub at_meeting: bool,
    pub link_url: String,
}
impl ObjectionRaised {
    /// How the decision objected to was taken, as the messages select on it.
    pub fn taken(&self) -> &'static str {
        taken(self.at_meeting)
    }
}
email_message!(
    ObjectionRaised,
    "email/objection/subject.txt",
    "email/objection/body.txt",
    "email/objection/body.html"
);

/// To the secretariat and the group: the time to object ended without
/// objection; the decision stands and may be published.
pub struct DecisionStands {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub final_text: String,
    /// Taken at a meeting, rather than changed editorially.
    pub at_meeting: bool,
    pub link_url: String,
}
impl DecisionStands {
    /// How the decision was taken, as the messages select on it.
    pub fn taken(&self) -> &'static str {
        taken(self.at_meeting)
    }
}
email_message!(
    DecisionStands,
    "email/decision_stands/subject.txt",
    "email/decision_stands/body.txt",
    "email/decision_stands/body.html"
);

/// To each follower of a standard: a published clarification has a
/// corrected version, with the note saying what changed.
pub struct ClarificationCorrected {
    pub ctx: MailContext,
    pub request: RequestSummary,
    /// The new version's number.
    pub version: i32,
    /// Decided by the maintenance group, rather than an editorial fix.
    pub substantive: bool,
    pub note: String,
    pub answer: String,
    pub clarification_url: String,
    /// The version it replaces, at its permanent address.
    pub previous_url: String,
    pub unsubscribe_url: String,
}
impl ClarificationCorrected {
    /// Who decided the correction, as the messages select on it.
    pub fn decided_by(&self) -> &'static str {
        if self.substantive {
            "group"
        } else {
            "secretariat"
        }
    }
}
email_message!(
    ClarificationCorrected,
    "email/clarification_corrected/subject.txt",
    "email/clarification_corrected/body.txt",
    "email/clarification_corrected/body.html"
);

/// To the appellant and to the request's group: an appeal against the
/// request's decision was lodged, or took a step.
pub struct AppealNews {
    pub ctx: MailContext,
    pub request: RequestSummary,
    /// The appeal's number on its request.
    pub number: i32,
    /// The step, by the name of the request's action that recorded it.
    pub step: &'static str,
    /// Once decided, how (`appeal::Outcome`'s name).
    pub outcome: Option<&'static str>,
    pub appellant: String,
    /// Who considers appeals.
    pub body: String,
    /// The date the next step is due by.
    pub due_by: Option<chrono::NaiveDate>,
    /// The secretariat's note on the step, or the grounds when lodged.
    pub note: Option<String>,
    /// To the group (a link to the request's page), or to the appellant
    /// (a link to the published clarification, if it is one).
    pub to_group: bool,
    pub link_url: Option<String>,
}
email_message!(
    AppealNews,
    "email/appeal/subject.txt",
    "email/appeal/body.txt",
    "email/appeal/body.html"
);

/// To each address of a consulted liaison: a decided answer awaits its
/// review, through a private link, until the end of the period.
pub struct ConsultationRequested {
    pub ctx: MailContext,
    pub request: RequestSummary,
    /// The liaison, as "ILAC — International Laboratory Accreditation Cooperation".
    pub liaison: String,
    pub until: chrono::NaiveDateTime,
    pub review_url: String,
    /// Sent again, with a new link, late in the period without an answer.
    pub reminder: bool,
}
email_message!(
    ConsultationRequested,
    "email/consultation_requested/subject.txt",
    "email/consultation_requested/body.txt",
    "email/consultation_requested/body.html"
);

/// To the secretariat and the group's convenors: a liaison commented on a
/// decided answer, which waits for a response before publication.
pub struct LiaisonCommented {
    pub ctx: MailContext,
    pub request: RequestSummary,
    pub liaison: String,
    pub comments: String,
    pub link_url: String,
}
email_message!(
    LiaisonCommented,
    "email/liaison_commented/subject.txt",
    "email/liaison_commented/body.txt",
    "email/liaison_commented/body.html"
);

/// To the secretariat: a webhook endpoint was turned off after its
/// deliveries failed for days (or its receiver answered 410 Gone).
pub struct WebhookDisabled {
    pub ctx: MailContext,
    pub url: String,
    /// Since when every delivery failed.
    pub failing_since: chrono::NaiveDateTime,
    pub last_error: String,
    pub endpoint_url: String,
}
email_message!(
    WebhookDisabled,
    "email/webhook_disabled/subject.txt",
    "email/webhook_disabled/body.txt",
    "email/webhook_disabled/body.html"
);

fn taken(at_meeting: bool) -> &'static str {
    if at_meeting { "meeting" } else { "editorial" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consensus::Piece;
    use crate::mail::Message;

    fn ctx() -> MailContext {
        MailContext {
            site_name: "Clarion".into(),
            base_url: "https://clarion.example".into(),
            languages: crate::i18n::Languages::default(),
        }
    }

    fn request(follows: Option<Kind>) -> RequestSummary {
        RequestSummary {
            reference: Some("CASCO-2026-0042".into()),
            standard: "ISO/IEC 17025:2017".into(),
            clause: "7.2.1".into(),
            question: "Is one procedure enough?".into(),
            follows: follows.map(|kind| Follows {
                kind,
                reference: "CASCO-2026-0007".into(),
            }),
        }
    }

    fn day() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 12)
            .unwrap()
            .and_hms_opt(14, 30, 0)
            .unwrap()
    }

    fn update(headline: Said, intro: Said) -> Update {
        Update {
            ctx: ctx(),
            headline,
            dear: Some("Ana Lima".into()),
            intro,
            request: request(None),
            note: Some("A note.".into()),
            note_label: "mail-note-secretariat",
            link_label: "mail-follow-your-request",
            link_url: "https://clarion.example/track/t".into(),
        }
    }

    /// One message of every kind, in every shape that words differ in.
    fn every_kind() -> Vec<Box<dyn Message>> {
        let mut all: Vec<Box<dyn Message>> = vec![
            Box::new(Welcome {
                ctx: ctx(),
                name: "Sam".into(),
                login_url: "https://clarion.example/login".into(),
            }),
            Box::new(PasswordReset {
                ctx: ctx(),
                name: "Sam".into(),
                reset_url: "https://clarion.example/password/reset/t".into(),
            }),
            Box::new(Invitation {
                ctx: ctx(),
                name: "Carla".into(),
                roles: vec![
                    Said::new("mail-role-secretariat"),
                    Said::new("mail-role-sponsor").with("sponsor", "AFNOR"),
                    Said::new("mail-role-in-group")
                        .with("role", "convenor")
                        .with("group", "MG 17025"),
                    Said::new("mail-role-reader"),
                ],
                accept_url: "https://clarion.example/invitation/t".into(),
            }),
            Box::new(NewRequestNotice {
                ctx: ctx(),
                request: request(None),
                group: None,
                submitter_category: "conformity_assessment_body".into(),
                submitter_country: "BR".into(),
                sponsor: Some("AFNOR (FR)".into()),
                workspace_url: "https://clarion.example/w".into(),
            }),
            Box::new(ReplyReceived {
                ctx: ctx(),
                request: request(None),
                reply: "ISO 5725-2.".into(),
                workspace_url: "https://clarion.example/w".into(),
            }),
            Box::new(Withdrawn {
                ctx: ctx(),
                request: request(None),
                workspace_url: "https://clarion.example/w".into(),
            }),
            Box::new(ConfirmSubscription {
                ctx: ctx(),
                standard: "ISO/IEC 17025:2017".into(),
                confirm_url: "https://clarion.example/subscriptions/confirm/t".into(),
            }),
            Box::new(ClarificationPublished {
                ctx: ctx(),
                request: request(None),
                answer: "Yes.".into(),
                // Its every line rendered, the note on a translation too.
                translated: true,
                clarification_url: "https://clarion.example/c".into(),
                unsubscribe_url: "https://clarion.example/u".into(),
            }),
            Box::new(OppositionRaised {
                ctx: ctx(),
                request: request(None),
                voter: "Mia".into(),
                comment: "No.".into(),
                link_url: "https://clarion.example/w".into(),
            }),
            Box::new(EditorialChange {
                ctx: ctx(),
                request: request(None),
                convenor: "Carla".into(),
                reason: "Typo.".into(),
                voted_text: "Yes".into(),
                final_text: "Yes.".into(),
                difference: vec![Piece::Same("Yes".into()), Piece::Inserted(".".into())],
                until: day(),
                link_url: "https://clarion.example/w".into(),
            }),
            Box::new(MeetingDecision {
                ctx: ctx(),
                request: request(None),
                convenor: "Carla".into(),
                held_on: day().date(),
                attendees: vec![("Mia".into(), "agree_with_comments")],
                minutes_reference: Some("N 123".into()),
                answer: "Yes.".into(),
                until: day(),
                link_url: "https://clarion.example/w".into(),
            }),
            Box::new(LiaisonCommented {
                ctx: ctx(),
                request: request(None),
                liaison: "ILAC".into(),
                comments: "Fine.".into(),
                link_url: "https://clarion.example/w".into(),
            }),
            Box::new(WebhookDisabled {
                ctx: ctx(),
                url: "https://receiver.example/hook".into(),
                failing_since: day(),
                last_error: "410 Gone".into(),
                endpoint_url: "https://clarion.example/admin/webhooks/1".into(),
            }),
        ];
        for kind in [
            None,
            Some(Kind::Reconsideration),
            Some(Kind::Correction),
            Some(Kind::NewInformation),
        ] {
            all.push(Box::new(ConfirmRequest {
                ctx: ctx(),
                name: "Ana Lima".into(),
                request: request(kind),
                confirm_url: "https://clarion.example/requests/confirm/t".into(),
            }));
            all.push(Box::new(Acknowledgement {
                ctx: ctx(),
                name: "Ana Lima".into(),
                request: request(kind),
                tracking_url: "https://clarion.example/track/t".into(),
            }));
        }
        for mark in ["superseded", "incorporated", "withdrawn"] {
            all.push(Box::new(ClarificationMarked {
                ctx: ctx(),
                request: request(None),
                mark: mark.into(),
                note: "See the new edition.".into(),
                clarification_url: "https://clarion.example/c".into(),
                unsubscribe_url: "https://clarion.example/u".into(),
            }));
        }
        for flag in [false, true] {
            all.push(Box::new(ObjectionRaised {
                ctx: ctx(),
                request: request(None),
                objector: "Nils".into(),
                reason: "Changed.".into(),
                at_meeting: flag,
                link_url: "https://clarion.example/w".into(),
            }));
            all.push(Box::new(DecisionStands {
                ctx: ctx(),
                request: request(None),
                final_text: "Yes.".into(),
                at_meeting: flag,
                link_url: "https://clarion.example/w".into(),
            }));
            all.push(Box::new(ClarificationCorrected {
                ctx: ctx(),
                request: request(None),
                version: 2,
                substantive: flag,
                note: "A word.".into(),
                answer: "Yes.".into(),
                clarification_url: "https://clarion.example/c".into(),
                previous_url: "https://clarion.example/c/v1".into(),
                unsubscribe_url: "https://clarion.example/u".into(),
            }));
            all.push(Box::new(ConsultationRequested {
                ctx: ctx(),
                request: request(None),
                liaison: "ILAC".into(),
                until: day(),
                review_url: "https://clarion.example/review/t".into(),
                reminder: flag,
            }));
        }
        let steps = [
            ("lodge_appeal", None),
            ("acknowledge_appeal", None),
            ("consider_appeal", None),
            ("conciliate_appeal", None),
            ("uphold_appeal", None),
            ("allow_appeal", Some("back_to_group")),
            ("allow_appeal", Some("withdrawn")),
        ];
        for (step, outcome) in steps {
            all.push(Box::new(AppealNews {
                ctx: ctx(),
                request: request(None),
                number: 1,
                step,
                outcome,
                appellant: "Ana Lima".into(),
                body: "the CASCO Chair's Policy and Coordination Group".into(),
                due_by: Some(day().date()),
                note: Some("Grounds.".into()),
                to_group: outcome.is_some(),
                link_url: Some("https://clarion.example/w".into()),
            }));
        }
        let sponsor = |id| {
            Said::new(id)
                .with("sponsor", "AFNOR")
                .with("ago", 7)
                .with("days", 30)
        };
        let said = [
            Said::new("mail-accepted-headline").with("group", "MG 17025"),
            Said::new("mail-reassigned-intro")
                .with("group", "MG 17025")
                .with("name", "Group"),
            Said::new("mail-referred-intro-noted")
                .with("committee", "TC 176")
                .with("note", "Hi."),
            Said::new("mail-unanswered-intro").with("days", 30),
            sponsor("mail-endorse-reminder-intro"),
            sponsor("mail-endorsement-expired-intro"),
            Said::new("mail-round-opened-intro")
                .with("convenor", "Carla")
                .with_day("deadline", day()),
            Said::new("mail-sent-back-intro").with("who", "Sam"),
        ];
        for intro in said {
            all.push(Box::new(update(
                Said::new("mail-published-headline"),
                intro,
            )));
        }
        all
    }

    /// The request's lines stand as a block: after the question comes a
    /// blank line or another line of the block ("From: …"), never the next
    /// paragraph. An included template loses its last newline, which once
    /// glued the question to whatever followed.
    fn question_ends_its_block(text: &str) -> bool {
        let Some((_, after)) = text.split_once("Is one procedure enough?") else {
            return true;
        };
        after.starts_with("\n\n")
            || after
                .strip_prefix('\n')
                .and_then(|rest| rest.lines().next())
                .and_then(|line| line.split_once(':'))
                .is_some_and(|(_, value)| !value.trim().is_empty())
    }

    #[test]
    fn every_mail_renders_in_every_language_with_all_its_words() {
        let french = Lang::provided("fr").unwrap();
        for lang in [Lang::english(), french.clone()] {
            for message in every_kind() {
                let rendered = message.render(&lang).unwrap();
                for part in [&rendered.subject, &rendered.text, &rendered.html] {
                    assert!(
                        !part.contains("Unknown localization")
                            && !part.contains("{$")
                            && !part.contains("{ $"),
                        "{}: {part}",
                        lang.tag()
                    );
                }
                assert!(
                    question_ends_its_block(&rendered.text),
                    "{}: {}",
                    lang.tag(),
                    rendered.text
                );
            }
        }
        let confirm = ConfirmRequest {
            ctx: ctx(),
            name: "Ana Lima".into(),
            request: request(None),
            confirm_url: "https://clarion.example/requests/confirm/t".into(),
        }
        .render(&french)
        .unwrap();
        assert_eq!(
            confirm.subject,
            "Confirmez votre demande de clarification sur ISO/IEC 17025:2017"
        );
        // Who asks, in the reader's words: the category and the country are
        // stored as codes.
        let notice = every_kind()
            .into_iter()
            .map(|m| m.render(&french).unwrap().text)
            .find(|text| text.contains("De\u{a0}:"))
            .unwrap();
        assert!(
            notice.contains("De\u{a0}: Organisme d’évaluation de la conformité, Brésil"),
            "{notice}"
        );
        assert!(
            confirm
                .html
                .starts_with("<!DOCTYPE html>\n<html lang=\"fr\">")
        );
    }
}
