//! Conflicts of interest (issue 19, item 7): voters from the submitter's
//! organisation, or with declared interests, are flagged when a round
//! opens and declare a conflict or confirm none before voting; a declared
//! conflict's vote counts as an abstention until the convenor allows it
//! with a reason; the decision record keeps all of it.

use clarion::db::schema::{events, memberships, requests, round_voters, votes};
use diesel::prelude::*;

use crate::consensus::{DRAFT, balloting};
use crate::consensus_rules::nominate;
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::journey::{confirmed_request, valid_form, with};
use crate::support::workspace::{act, add_the_people, state_of};

on_both_databases!(
    a_member_from_the_submitters_organisation_is_flagged_and_votes_only_after_answering,
    a_member_with_declared_interests_is_flagged,
    a_declared_conflicts_vote_counts_as_an_abstention_until_the_convenor_allows_it,
    refused_declarations_and_allowances_change_nothing_and_keep_the_input,
);

const CONFLICT: &str = "I advised the submitter's laboratory on its scope last year.";
const ALLOWED: &str = "The advice ended before the question was asked.";

async fn page(person: &Person, reference: &str) -> String {
    let (status, page) = person
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert_eq!(status, 200);
    page
}

fn voter_row(page: &str, name: &str) -> String {
    let rows = text_of(page, "[aria-label=Votes] tbody").unwrap();
    let start = rows
        .find(name)
        .unwrap_or_else(|| panic!("{name} in {rows}"));
    rows[start..].to_owned()
}

/// Votes as `email`, sending `declaration` (`none` or `declared`, with
/// its note) with the vote when given.
async fn vote(
    app: &TestApp,
    email: &str,
    reference: &str,
    position: &str,
    comment: &str,
    declaration: Option<(&str, &str)>,
) -> reqwest::Response {
    let voter = app.signed_in(email).await;
    let mut fields = vec![("position", position), ("comment", comment)];
    if let Some((choice, note)) = declaration {
        fields.extend([("conflict", choice), ("conflict_note", note)]);
    }
    act(&voter, reference, "vote", &fields).await
}

async fn refusal(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let page = response.text().await.unwrap();
    (status, page)
}

fn alert(page: &str) -> String {
    text_of(page, "[role=alert]").unwrap_or_default()
}

/// Where `email` stands in the round: conflict, reason, note, allowed by,
/// allowed reason.
type Stored = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn stored(app: &TestApp, email: &str) -> Stored {
    round_voters::table
        .filter(round_voters::user_id.eq(app.user_id(email)))
        .select((
            round_voters::conflict,
            round_voters::conflict_reason,
            round_voters::conflict_note,
            round_voters::allowed_by,
            round_voters::allowed_reason,
        ))
        .first(&mut app.db())
        .unwrap()
}

fn votes_of(app: &TestApp, email: &str) -> i64 {
    votes::table
        .filter(votes::user_id.eq(app.user_id(email)))
        .count()
        .get_result(&mut app.db())
        .unwrap()
}

fn events_recorded(app: &TestApp) -> i64 {
    events::table.count().get_result(&mut app.db()).unwrap()
}

/// The request from Ana Lima of Lab Example (ana.lima@lab.example) with a
/// round open in MG 17025, whose voters are Carla (convenor), Mia
/// (nominated by a body named "LAB  example"), Lee (lee@lab.example) and
/// Nils.
async fn round_with_colleagues_of_the_submitter(app: &TestApp) -> String {
    add_the_people(app);
    for (email, name) in [
        ("lee@lab.example", "Lee Labmember"),
        ("nils@example.org", "Nils Member"),
    ] {
        app.add_user(email, name, false, Some(("MG 17025", "member")));
    }
    nominate(app, "mia@example.org", "LABEX", "LAB  example");
    nominate(
        app,
        "nils@example.org",
        "DIN",
        "Deutsches Institut für Normung",
    );
    confirmed_request(app, &valid_form()).await;
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let opened = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);
    reference
}

async fn a_member_from_the_submitters_organisation_is_flagged_and_votes_only_after_answering(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let reference = round_with_colleagues_of_the_submitter(&app).await;
    assert_eq!(
        stored(&app, "mia@example.org").1.as_deref(),
        Some("same_organisation"),
        "by the nominating body's name, case and spacing aside"
    );
    assert_eq!(
        stored(&app, "lee@lab.example").1.as_deref(),
        Some("same_mail_domain")
    );
    assert_eq!(stored(&app, "nils@example.org").0, "none");
    assert_eq!(stored(&app, "carla@example.org").0, "none");

    // The round page flags them without naming the organisation or address.
    let mia = app.signed_in("mia@example.org").await;
    let shown = page(&mia, &reference).await;
    let votes_table = text_of(&shown, "[aria-label=Votes] tbody").unwrap();
    assert!(
        voter_row(&shown, "Mia Member")
            .contains("Flagged same organisation as the submitter Not answered yet"),
        "{votes_table}"
    );
    assert!(
        voter_row(&shown, "Lee Labmember").contains("Flagged same e-mail domain as the submitter"),
        "{votes_table}"
    );
    assert!(
        voter_row(&shown, "Nils Member").contains("None declared"),
        "{votes_table}"
    );
    assert!(!votes_table.contains("lab.example"), "{votes_table}");
    assert!(!votes_table.to_lowercase().contains("lab example"));
    assert!(
        text_of(&shown, "#conflict")
            .unwrap()
            .contains("You are flagged: same organisation as the submitter."),
        "the vote form asks"
    );

    // Her vote waits for her answer; what she typed stays.
    let comment = "Agreed; the note on scope helps.";
    let before = events_recorded(&app);
    let (status, refused) = refusal(
        vote(
            &app,
            "mia@example.org",
            &reference,
            "agree_with_comments",
            comment,
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        alert(&refused).contains(
            "Your vote is not recorded yet: you are flagged for a possible conflict of interest (same organisation as the submitter). Declare the conflict, with a note, or confirm you have none, then record your vote."
        ),
        "{}",
        alert(&refused)
    );
    assert!(refused.contains(&format!(">{comment}</textarea>")));
    assert!(refused.contains(
        r#"id="vote-agree_with_comments" name="position" value="agree_with_comments" checked"#
    ));
    assert_eq!(votes_of(&app, "mia@example.org"), 0);
    assert_eq!(events_recorded(&app), before);

    // Confirming no conflict lets the vote through.
    let voted = vote(
        &app,
        "mia@example.org",
        &reference,
        "agree_with_comments",
        comment,
        Some(("none", "")),
    )
    .await;
    assert_eq!(voted.status(), 303);
    assert_eq!(stored(&app, "mia@example.org").0, "cleared");
    assert_eq!(votes_of(&app, "mia@example.org"), 1);

    // Lee, of the same mail domain, declares a conflict and votes.
    let voted = vote(
        &app,
        "lee@lab.example",
        &reference,
        "agree",
        "",
        Some(("declared", CONFLICT)),
    )
    .await;
    assert_eq!(voted.status(), 303);
    // Nils, unflagged, votes as before.
    let voted = vote(&app, "nils@example.org", &reference, "agree", "", None).await;
    assert_eq!(voted.status(), 303);

    let carla = app.signed_in("carla@example.org").await;
    let shown = page(&carla, &reference).await;
    assert!(
        voter_row(&shown, "Mia Member").contains("Confirmed no conflict of interest"),
        "{}",
        voter_row(&shown, "Mia Member")
    );
    let timeline = text_of(&shown, ".timeline").unwrap();
    assert!(
        timeline.contains("Agree, with comments") && !timeline.contains("agree_with_comments"),
        "the timeline names the position in words: {timeline}"
    );
    let lee = voter_row(&shown, "Lee Labmember");
    assert!(
        lee.starts_with("Lee Labmember Agree Counted as Abstain"),
        "{lee}"
    );
    assert!(
        lee.contains(&format!("Declared a conflict: {CONFLICT}")),
        "{lee}"
    );
    let timeline = text_of(&shown, ".timeline").unwrap();
    assert!(
        timeline.contains("Confirmed having no conflict of interest Mia Member"),
        "{timeline}"
    );
    assert!(
        timeline.contains("Declared a conflict of interest Lee Labmember"),
        "{timeline}"
    );
}

async fn a_member_with_declared_interests_is_flagged(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let interests = "Assessor for Example Accreditation.";
    diesel::update(
        memberships::table.filter(memberships::user_id.eq(app.user_id("mia@example.org"))),
    )
    .set(memberships::interests.eq(interests))
    .execute(&mut app.db())
    .unwrap();
    // A submitter from nowhere the group knows.
    let form = with(valid_form(), "email", "ana@elsewhere.example");
    confirmed_request(&app, &with(form, "organization", "Elsewhere")).await;
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let opened = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);

    assert_eq!(
        stored(&app, "mia@example.org").1.as_deref(),
        Some("declared_interests")
    );
    assert_eq!(stored(&app, "carla@example.org").0, "none");
    let shown = page(&carla, &reference).await;
    assert!(
        voter_row(&shown, "Mia Member")
            .contains(&format!("Flagged declared interests: {interests}")),
        "{}",
        voter_row(&shown, "Mia Member")
    );
    let (status, _) =
        refusal(vote(&app, "mia@example.org", &reference, "agree", "", None).await).await;
    assert_eq!(status, 422, "not before she answers");
    let voted = vote(
        &app,
        "mia@example.org",
        &reference,
        "agree",
        "",
        Some(("none", "")),
    )
    .await;
    assert_eq!(voted.status(), 303);
    // The convenor, unflagged, votes as before.
    let voted = vote(&app, "carla@example.org", &reference, "agree", "", None).await;
    assert_eq!(voted.status(), 303);
    assert_eq!(votes_of(&app, "carla@example.org"), 1);
}

async fn a_declared_conflicts_vote_counts_as_an_abstention_until_the_convenor_allows_it(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    // Nobody is flagged; Mia declares a conflict of her own accord, and
    // opposes.
    let opposition = "Name each method.";
    let voted = vote(
        &app,
        "mia@example.org",
        &reference,
        "oppose",
        opposition,
        Some(("declared", CONFLICT)),
    )
    .await;
    assert_eq!(voted.status(), 303);
    for email in ["nils@example.org", "carla@example.org"] {
        assert_eq!(
            vote(&app, email, &reference, "agree", "", None)
                .await
                .status(),
            303
        );
    }
    let carla = app.signed_in("carla@example.org").await;
    let shown = page(&carla, &reference).await;
    assert!(
        text_of(&shown, "[aria-label=Tally]").unwrap().starts_with(
            "2 Agree 0 Agree, with comments 0 Oppose (sustained opposition) 1 Abstain"
        ),
        "{}",
        text_of(&shown, "[aria-label=Tally]").unwrap()
    );
    let mia = voter_row(&shown, "Mia Member");
    assert!(
        mia.starts_with(&format!(
            "Mia Member Oppose (sustained opposition) Counted as Abstain {opposition}"
        )),
        "the cast position is still shown: {mia}"
    );
    assert!(
        mia.contains("The vote counts as an abstention unless the convenor allows it."),
        "{mia}"
    );
    assert!(
        text_of(&shown, "#closing-rules")
            .unwrap()
            .starts_with("The closing rules are met"),
        "an opposition counted as an abstention waits for no response"
    );
    let (_, queue) = carla.page("/workspace").await;
    assert!(
        !queue.contains("Answer the opposition of Mia Member"),
        "nor does the convenor's queue ask for one"
    );

    // The convenor lets it count, with a reason: it is an opposition again.
    let allowed = act(
        &carla,
        &reference,
        "allowances",
        &[
            ("voter", &app.user_id("mia@example.org")),
            ("allowed_reason", ALLOWED),
        ],
    )
    .await;
    assert_eq!(allowed.status(), 303);
    let shown = page(&carla, &reference).await;
    assert!(
        text_of(&shown, "[aria-label=Tally]").unwrap().starts_with(
            "2 Agree 0 Agree, with comments 1 Oppose (sustained opposition) 0 Abstain"
        )
    );
    let mia = voter_row(&shown, "Mia Member");
    assert!(!mia.contains("Counted as"), "{mia}");
    assert!(
        mia.contains(&format!(
            "The vote counts as cast: allowed by Carla Convenor, because {ALLOWED}"
        )),
        "{mia}"
    );
    let rules = text_of(&shown, "#closing-rules").unwrap();
    assert!(rules.contains("answer Mia Member"), "{rules}");
    let (_, queue) = carla.page("/workspace").await;
    assert!(
        queue.contains("Answer the opposition of Mia Member"),
        "allowed, the opposition waits for its answer"
    );
    let refused = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(state_of(&app).0, "balloting");

    let vote_id: String = votes::table
        .filter(votes::user_id.eq(app.user_id("mia@example.org")))
        .select(votes::id)
        .first(&mut app.db())
        .unwrap();
    let answered = act(
        &carla,
        &reference,
        "responses",
        &[
            ("vote", &vote_id),
            ("response", "Each method is named in the scope."),
        ],
    )
    .await;
    assert_eq!(answered.status(), 303);
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);

    // The decision record, as the secretariat reads it.
    let sam = app.signed_in("sam@example.org").await;
    let record = text_of(&page(&sam, &reference).await, "[id^=record-heading] + dl").unwrap();
    for part in [
        "The convenor's vote Carla Convenor, convenor: Agree",
        &format!(
            "Conflicts of interest Mia Member Declared a conflict: {CONFLICT} The vote counts as cast: allowed by Carla Convenor, because {ALLOWED}"
        ),
    ] {
        assert!(record.contains(part), "{part:?} in {record}");
    }
}

async fn refused_declarations_and_allowances_change_nothing_and_keep_the_input(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let mia_id = app.user_id("mia@example.org");
    let before = events_recorded(&app);

    // A conflict declared without a note.
    let comment = "Fine.";
    let (status, refused) = refusal(
        vote(
            &app,
            "mia@example.org",
            &reference,
            "agree_with_comments",
            comment,
            Some(("declared", "  ")),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        alert(&refused).contains("Say in a note what your conflict of interest is"),
        "{}",
        alert(&refused)
    );
    assert!(alert(&refused).ends_with("Nothing was changed."));
    assert!(refused.contains(&format!(">{comment}</textarea>")));
    assert!(refused.contains(r#"id="conflict-declared" name="conflict" value="declared" checked"#));
    assert_eq!(stored(&app, "mia@example.org").0, "none");
    assert_eq!(votes_of(&app, "mia@example.org"), 0, "nor the vote");

    // The convenor cannot allow a vote nobody declared a conflict on.
    let carla = app.signed_in("carla@example.org").await;
    let allow = |reason: &'static str| {
        [
            ("voter", mia_id.clone()),
            ("allowed_reason", reason.to_owned()),
        ]
    };
    let fields = allow(ALLOWED);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, refused) = refusal(act(&carla, &reference, "allowances", &fields).await).await;
    assert_eq!(status, 422);
    assert!(
        alert(&refused).contains("That voter has declared no conflict of interest"),
        "{}",
        alert(&refused)
    );

    let declared = vote(
        &app,
        "mia@example.org",
        &reference,
        "agree",
        "",
        Some(("declared", CONFLICT)),
    )
    .await;
    assert_eq!(declared.status(), 303);
    let after_declaring = events_recorded(&app);
    assert_eq!(after_declaring, before + 2, "the declaration and the vote");

    // A declared conflict is not withdrawn.
    let (status, refused) = refusal(
        vote(
            &app,
            "mia@example.org",
            &reference,
            "agree",
            "Changed my mind.",
            Some(("none", "")),
        )
        .await,
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        alert(&refused).contains(
            "You declared a conflict of interest in this round, and it stays in the record"
        ),
        "{}",
        alert(&refused)
    );
    assert!(refused.contains(">Changed my mind.</textarea>"));

    // An allowance without its reason.
    let fields = allow("   ");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, refused) = refusal(act(&carla, &reference, "allowances", &fields).await).await;
    assert_eq!(status, 422);
    assert!(
        alert(&refused).contains("Give the reason for letting this vote count"),
        "{}",
        alert(&refused)
    );

    // Nobody but the convenor allows it, and the convenor not their own.
    let nils = app.signed_in("nils@example.org").await;
    let fields = allow(ALLOWED);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, refused) = refusal(act(&nils, &reference, "allowances", &fields).await).await;
    assert_eq!(status, 409);
    assert!(alert(&refused).contains("You are not the person who can do this."));
    assert!(
        !refused.contains("/allowances\""),
        "no allowance form for a member"
    );
    let own = vote(
        &app,
        "carla@example.org",
        &reference,
        "agree",
        "",
        Some(("declared", "I chair the submitter's board.")),
    )
    .await;
    assert_eq!(own.status(), 303);
    let own_id = app.user_id("carla@example.org");
    let (status, refused) = refusal(
        act(
            &carla,
            &reference,
            "allowances",
            &[("voter", &own_id), ("allowed_reason", ALLOWED)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        alert(&refused).contains("You cannot allow your own vote under a conflict you declared"),
        "{}",
        alert(&refused)
    );
    assert_eq!(stored(&app, "carla@example.org").3, None);
    assert_eq!(
        stored(&app, "mia@example.org"),
        ("declared".into(), None, Some(CONFLICT.into()), None, None),
        "nothing allowed"
    );
    assert_eq!(
        events_recorded(&app),
        after_declaring + 2,
        "only Carla's declaration and vote"
    );
    let shown = page(&carla, &reference).await;
    assert!(shown.contains("Allow the vote of Mia Member?"));
    assert!(
        !shown.contains("Allow the vote of Carla Convenor?"),
        "no form for one's own"
    );
}
