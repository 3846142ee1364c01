//! `clarion seed --demo`: accounts for every role, published sample
//! clarifications on several standards and requests in every state of the
//! lifecycle, so that a first look at Clarion has something to show.
//!
//! Every request is played through the lifecycle step by step: each step is
//! checked by [`lifecycle::decide`], stored through the model functions
//! (`requests::apply` with its optimistic lock, `events::record`,
//! `references::allocate`) and leaves the event a real action would. Demo
//! requests are marked `is_sample`. No mail is queued: the demo addresses are
//! on example.org.
//!
//! Seeding is idempotent: accounts are matched by address, requests by their
//! question among the samples, and whatever already exists is left alone.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime, NaiveTime, TimeDelta};
use diesel::prelude::*;

use crate::db::schema::{memberships, requests};
use crate::db::{self, DbConn};
use crate::domain::access::GroupRole;
use crate::domain::consensus::Position;
use crate::domain::email::EmailAddress;
use crate::domain::lifecycle::{self, Action, Actor, State};
use crate::domain::password;
use crate::domain::submission::{Category, Submission};
use crate::models::requests::{self as request_rows, Change, Request};
use crate::models::rounds as round_rows;
use crate::models::standards::Standard;
use crate::models::tokens::{self, Purpose};
use crate::models::{comments, committees, events, groups, references, standards, users};

/// The password of every demo account unless `CLARION_DEMO_PASSWORD` says
/// otherwise.
pub const DEFAULT_PASSWORD: &str = "clarion-demo";
pub const PASSWORD_VARIABLE: &str = "CLARION_DEMO_PASSWORD";

/// What demo requests carry in place of the keyed hash of a submitting
/// address (the hourly throttle never matches it).
const SUBMITTED_FROM: &str = "demo";

/// A round's deadline, as the convenor's form proposes it (SPEC §2).
const ROUND_DAYS: i64 = 21;

const ISO_17025: &str = "iso-iec-17025-2017";
const ISO_17065: &str = "iso-iec-17065-2012";

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

/// A place in a maintenance group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Seat {
    Convenor,
    Member1,
    Member2,
}

impl Seat {
    fn role(self) -> GroupRole {
        match self {
            Seat::Convenor => GroupRole::Convenor,
            Seat::Member1 | Seat::Member2 => GroupRole::Member,
        }
    }

    fn actor(self) -> Actor {
        match self {
            Seat::Convenor => Actor::Convenor,
            Seat::Member1 | Seat::Member2 => Actor::Member,
        }
    }
}

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub secretariat: bool,
    /// The slug of a standard whose responsible group the account sits in,
    /// and the seat.
    pub seat: Option<(&'static str, Seat)>,
}

pub const SECRETARIAT_EMAIL: &str = "secretariat@example.org";

pub const ACCOUNTS: [DemoAccount; 7] = [
    DemoAccount {
        email: SECRETARIAT_EMAIL,
        name: "Ingrid Halvorsen",
        secretariat: true,
        seat: None,
    },
    DemoAccount {
        email: "convenor.17025@example.org",
        name: "Amara Okafor",
        secretariat: false,
        seat: Some((ISO_17025, Seat::Convenor)),
    },
    DemoAccount {
        email: "member1.17025@example.org",
        name: "Tomás Ferreira",
        secretariat: false,
        seat: Some((ISO_17025, Seat::Member1)),
    },
    DemoAccount {
        email: "member2.17025@example.org",
        name: "Yuki Tanaka",
        secretariat: false,
        seat: Some((ISO_17025, Seat::Member2)),
    },
    DemoAccount {
        email: "convenor.17065@example.org",
        name: "Lukas Brenner",
        secretariat: false,
        seat: Some((ISO_17065, Seat::Convenor)),
    },
    DemoAccount {
        email: "member1.17065@example.org",
        name: "Priya Raman",
        secretariat: false,
        seat: Some((ISO_17065, Seat::Member1)),
    },
    DemoAccount {
        email: "member2.17065@example.org",
        name: "Sofia Lindqvist",
        secretariat: false,
        seat: Some((ISO_17065, Seat::Member2)),
    },
];

// ---------------------------------------------------------------------------
// Submitters (their contacts are never published)
// ---------------------------------------------------------------------------

struct Submitter {
    name: &'static str,
    email: &'static str,
    organization: Option<&'static str>,
    country: &'static str,
    category: Category,
}

const fn submitter(
    name: &'static str,
    email: &'static str,
    organization: Option<&'static str>,
    country: &'static str,
    category: Category,
) -> Submitter {
    Submitter {
        name,
        email,
        organization,
        country,
        category,
    }
}

const SUBMITTERS: [Submitter; 20] = [
    submitter(
        "Martina Keller",
        "martina.keller@example.org",
        Some("Example Prüflabor GmbH"),
        "DE",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Olivier Marchand",
        "olivier.marchand@example.org",
        Some("Example Accréditation"),
        "FR",
        Category::AccreditationBody,
    ),
    submitter(
        "Grace Mwangi",
        "grace.mwangi@example.org",
        Some("Example Bureau of Standards"),
        "KE",
        Category::IsoMemberBody,
    ),
    submitter(
        "Rahul Mehta",
        "rahul.mehta@example.org",
        Some("Example Calibration Services Pvt Ltd"),
        "IN",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Emily Carter",
        "emily.carter@example.org",
        Some("Example Product Certification Inc."),
        "US",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Kenji Watanabe",
        "kenji.watanabe@example.org",
        Some("Example Inspection KK"),
        "JP",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Ana Beatriz Souza",
        "ana.souza@example.org",
        Some("Example Agency for Product Safety"),
        "BR",
        Category::Regulator,
    ),
    submitter(
        "Lars Eriksson",
        "lars.eriksson@example.org",
        Some("Example Ackreditering"),
        "SE",
        Category::AccreditationBody,
    ),
    submitter(
        "Thandiwe Nkosi",
        "thandiwe.nkosi@example.org",
        Some("Example Laboratory Association"),
        "ZA",
        Category::LiaisonOrganization,
    ),
    submitter(
        "Daniel O'Brien",
        "daniel.obrien@example.org",
        Some("Example Appliances Ltd"),
        "IE",
        Category::IndustryOrUser,
    ),
    submitter(
        "Mei Lin Chen",
        "meilin.chen@example.org",
        Some("Example Testing Centre Pte Ltd"),
        "SG",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Carlos Ramírez",
        "carlos.ramirez@example.org",
        Some("Example Certificadora S.A. de C.V."),
        "MX",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Sophie van Dijk",
        "sophie.vandijk@example.org",
        Some("Example Keuringsinstituut B.V."),
        "NL",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Fatima El-Sayed",
        "fatima.elsayed@example.org",
        Some("Example Accreditation Council"),
        "EG",
        Category::AccreditationBody,
    ),
    submitter(
        "James Whitfield",
        "james.whitfield@example.org",
        None,
        "GB",
        Category::Other,
    ),
    submitter(
        "Hye-jin Park",
        "hyejin.park@example.org",
        Some("Example Proficiency Testing Services"),
        "KR",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Aroha Williams",
        "aroha.williams@example.org",
        Some("Example Food Safety Certification Ltd"),
        "NZ",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Marco Bianchi",
        "marco.bianchi@example.org",
        Some("Example Organismo di Certificazione S.r.l."),
        "IT",
        Category::ConformityAssessmentBody,
    ),
    submitter(
        "Claire Tremblay",
        "claire.tremblay@example.org",
        Some("Example Regulatory Agency"),
        "CA",
        Category::Regulator,
    ),
    submitter(
        "Wei Zhang",
        "wei.zhang@example.org",
        Some("Example Certification Co., Ltd."),
        "CN",
        Category::ConformityAssessmentBody,
    ),
];

// ---------------------------------------------------------------------------
// Published samples
// ---------------------------------------------------------------------------

struct Flag {
    kind: &'static str,
    note: &'static str,
    days_ago: i64,
}

struct Sample {
    key: &'static str,
    standard: &'static str,
    clause: &'static str,
    question: &'static str,
    answer: &'static str,
    submitter: usize,
    published_days_ago: i64,
    consider_at_revision: bool,
    flag: Option<Flag>,
}

const SAMPLES: &[Sample] = &[
    // ISO/IEC 17025:2017
    Sample {
        key: "17025-7.2.1.5",
        standard: ISO_17025,
        clause: "7.2.1.5",
        question: "Clause 7.2.1.5 requires the laboratory to verify that it can properly perform a method before introducing it. Does this apply to standard methods the laboratory has used routinely for many years, from before it applied the 2017 edition, or only to methods introduced since?",
        answer: "The intent of 7.2.1.5 is that the laboratory has objective evidence that it achieves the performance the method requires, not that a verification exercise is repeated for its own sake. For a method already in routine use, existing records such as quality control data, proficiency testing results and the original verification can provide this evidence. The clause requires verification to be repeated, to the extent necessary, when the issuing body revises the method.",
        submitter: 3,
        published_days_ago: 700,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-6.4.13",
        standard: ISO_17025,
        clause: "6.4.13",
        question: "Do the records listed in 6.4.13 a) to h) have to be kept individually for every item of equipment, including volumetric glassware and thermometers bought in batches, or may they be kept per batch?",
        answer: "Clause 6.4.13 applies to equipment that can influence laboratory activities, and its list applies *where applicable*. The intent is that the laboratory can show which equipment was used for a result and that it was fit for purpose. Records kept per batch or lot meet this intent when each item can be traced to that record and the items share the same verification or calibration status. The standard does not require a separate file for each item.",
        submitter: 0,
        published_days_ago: 655,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-7.6.3",
        standard: ISO_17025,
        clause: "7.6.3",
        question: "When a testing laboratory applies a well-recognized test method that specifies limits to the values of the major sources of measurement uncertainty and the form of presentation of the results, does it still have to evaluate measurement uncertainty itself under 7.6.3?",
        answer: "No further evaluation is intended in that case. Note 2 to 7.6.3 states that a laboratory following such a method and its reporting instructions is considered to have satisfied 7.6.3. The note relies on the laboratory operating within the conditions the method specifies.",
        submitter: 10,
        published_days_ago: 610,
        consider_at_revision: false,
        flag: None,
    },
    Sample {
        key: "17025-7.8.6-no-statement",
        standard: ISO_17025,
        clause: "7.8.6.1",
        question: "If a customer asks only for test results and not for a statement of conformity to a specification, does the laboratory need to define and document a decision rule under 7.8.6.1?",
        answer: "No. Clause 7.8.6 applies when a statement of conformity to a specification or standard is provided. A report that gives results without such a statement needs no decision rule. If the customer later asks for a statement of conformity, 7.1.3 and 7.8.6 apply to that request.",
        submitter: 9,
        published_days_ago: 560,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-7.8.6-prescribed-rule",
        standard: ISO_17025,
        clause: "7.8.6.1",
        question: "A product standard prescribes how test results are compared with its limits: directly, without taking measurement uncertainty into account. Does the laboratory have to assess the risk of false acceptance and false rejection itself before applying this rule?",
        answer: "No. When the decision rule is prescribed by the customer, by regulations or by a normative document, the note to 7.8.6.1 indicates that further consideration of the level of risk is not necessary. The laboratory applies the prescribed rule and reports the statement of conformity as 7.8.6.2 sets out, identifying the decision rule unless it is inherent in the requested specification or standard.",
        submitter: 8,
        published_days_ago: 505,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-7.1.3",
        standard: ISO_17025,
        clause: "7.1.3",
        question: "Clause 7.1.3 says that the decision rule selected shall be communicated to, and agreed with, the customer. Does this agreement have to be a separate signed document for each order?",
        answer: "No particular form of agreement is required. The intent is that the customer knows, before the work is done, which decision rule will be used for the statement of conformity and has accepted it. This can be achieved through the quotation, the review of the request or general terms the customer accepts, as long as the laboratory can show that the agreement covers the work in question. No agreement is needed where the decision rule is inherent in the requested specification or standard.",
        submitter: 12,
        published_days_ago: 450,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-7.7.2",
        standard: ISO_17025,
        clause: "7.7.2",
        question: "Does 7.7.2 require the laboratory to take part in proficiency testing for every method in the scope of its activities, every year?",
        answer: "No. Clause 7.7.2 requires the laboratory to monitor its performance by comparison with the results of other laboratories *where available and appropriate*, through proficiency testing or interlaboratory comparisons other than proficiency testing. The laboratory plans this monitoring and decides its coverage and frequency, taking into account the availability of schemes, the risks and its other means of ensuring the validity of results. Frequencies set by accreditation bodies or regulators are outside the scope of the standard.",
        submitter: 1,
        published_days_ago: 395,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-6.2.6",
        standard: ISO_17025,
        clause: "6.2.6",
        question: "Must the laboratory issue a separate authorization to each person for each activity listed in 6.2.6 a) to c), or is an authorization by job title enough?",
        answer: "The intent of 6.2.6 is that the laboratory can show who is authorized to carry out each of the activities listed, and that each authorization rests on the competence of the person concerned. The standard does not prescribe the form of the authorization. A matrix of persons and activities, or a record per role, meets the intent when it identifies the individuals and the activities they are authorized for.",
        submitter: 13,
        published_days_ago: 340,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-5.3",
        standard: ISO_17025,
        clause: "5.3",
        question: "A laboratory sends some tests to another laboratory on a permanent basis. May it include those tests in the range of laboratory activities for which it claims conformity with ISO/IEC 17025?",
        answer: "No. Clause 5.3 states that the range of laboratory activities for which the laboratory claims conformity excludes externally provided laboratory activities on an ongoing basis. The laboratory may still offer such tests to its customers, under 6.6 and 7.1, but its claim of conformity does not extend to them. Occasional use of an external provider, for example while equipment is out of service, is a different situation covered by 6.6.",
        submitter: 18,
        published_days_ago: 180,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17025-7.11.2",
        standard: ISO_17025,
        clause: "7.11.2",
        question: "Does a commercial laboratory information management system bought off the shelf have to be validated by the laboratory before it is used, as 7.11.2 requires for laboratory information management systems?",
        answer: "Note 2 to 7.11.2 states that commercial off-the-shelf software in general use within its designed application range can be considered to be sufficiently validated. That note does not cover what the laboratory itself sets up: 7.11.2 requires changes, including the configuration of laboratory software and modifications to commercial off-the-shelf software, to be authorized, documented and validated before implementation. Validation therefore concentrates on what the laboratory has configured, connected or changed.",
        submitter: 19,
        published_days_ago: 60,
        consider_at_revision: true,
        flag: None,
    },
    // ISO/IEC 17065:2012
    Sample {
        key: "17065-4.2.3",
        standard: ISO_17065,
        clause: "4.2.3",
        question: "Clause 4.2.3 asks the certification body to identify risks to its impartiality on an ongoing basis. Does this include risks arising from the activities of related bodies, such as a sister company that offers testing to the same clients?",
        answer: "Yes. The intent of 4.2.3 is that the identification covers the risks arising from the certification body's own activities, from its relationships and from the relationships of its personnel, and the relationships with related bodies are part of that. The activities of a related body do not in themselves prevent certification. What matters is that the risk is identified and that the certification body can show how it eliminates or minimizes it.",
        submitter: 17,
        published_days_ago: 720,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17065-7.6",
        standard: ISO_17065,
        clause: "7.6",
        question: "May the same person carry out the review required by 7.5 and take the certification decision under 7.6?",
        answer: "Yes. The standard expects the review and the decision to be made by persons who were not involved in the evaluation, but it does not require them to be two different persons. Clause 7.5 itself anticipates the case where the review and the certification decision are completed concurrently by the same person.",
        submitter: 4,
        published_days_ago: 630,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17065-7.9.1",
        standard: ISO_17065,
        clause: "7.9.1",
        question: "Is surveillance of certified products mandatory under ISO/IEC 17065 for every certification scheme?",
        answer: "No. Clause 7.9.1 requires surveillance where the certification scheme requires it, carried out in accordance with the scheme. ISO/IEC 17065 does not itself decide whether a scheme includes surveillance; that is a choice of the scheme owner, and ISO/IEC 17067 describes scheme types with and without it.",
        submitter: 11,
        published_days_ago: 585,
        consider_at_revision: false,
        flag: None,
    },
    Sample {
        key: "17065-6.2.2.1",
        standard: ISO_17065,
        clause: "6.2.2.1",
        question: "Must a testing laboratory to which the certification body outsources testing be accredited to ISO/IEC 17025?",
        answer: "ISO/IEC 17065 does not itself require accreditation of the body to which evaluation activities are outsourced. Clause 6.2.2.1 requires that body to fulfil the applicable requirements of the relevant International Standard, for testing ISO/IEC 17025, as specified by the certification scheme. Accreditation is one way of demonstrating this, and the certification body remains responsible for the outsourced work. A certification scheme or a regulator may require accreditation.",
        submitter: 5,
        published_days_ago: 530,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17065-4.1.3",
        standard: ISO_17065,
        clause: "4.1.3",
        question: "Is a certification body required to monitor the market actively for misuse of its certificates and marks of conformity?",
        answer: "Clause 4.1.3 requires the certification body to exercise control over the ownership, use and display of licences, certificates and marks of conformity as specified by the certification scheme, and to deal with incorrect references or misleading use by suitable action. The standard does not itself require market surveillance; the extent of active monitoring is set by the scheme. Misuse that comes to the certification body's attention, by whatever means, is to be acted upon.",
        submitter: 6,
        published_days_ago: 470,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17065-7.4-prior-results",
        standard: ISO_17065,
        clause: "7.4",
        question: "Can a certification body use test reports produced before the application for certification, for example reports the manufacturer obtained from a laboratory for its own purposes, in the evaluation under 7.4?",
        answer: "Yes, the standard allows evaluation results obtained before the application to be used, provided the certification body takes responsibility for them. It has to satisfy itself that the body that produced them meets the requirements of 6.2.2 and those of the certification scheme, and that the results are relevant to the product and the requirements being certified. The scheme may restrict or exclude the use of such results.",
        submitter: 9,
        published_days_ago: 300,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17065-5.2",
        standard: ISO_17065,
        clause: "5.2",
        question: "Does the mechanism for safeguarding impartiality required by 5.2 have to be a standing committee that meets regularly?",
        answer: "No. Clause 5.2 requires a mechanism and sets out what it has to achieve, not its form. A committee is a common way of meeting the intent, but other arrangements can be used, provided they deliver the input described in 5.2 and involve the interested parties the clause refers to.",
        submitter: 2,
        published_days_ago: 35,
        consider_at_revision: true,
        flag: None,
    },
    // ISO/IEC 17021-1:2015
    Sample {
        key: "17021-1-9.1.4",
        standard: "iso-iec-17021-1-2015",
        clause: "9.1.4",
        question: "Does the time spent on site by a technical expert accompanying the audit team count towards the audit time determined under 9.1.4?",
        answer: "No. The audit time determined under 9.1.4 is the time of the auditors assigned to the audit. The time of team members who are not assigned as auditors, such as technical experts, translators, interpreters, observers and auditors-in-training, is not counted in it. Their presence can justify additional audit time but does not replace any of it.",
        submitter: 19,
        published_days_ago: 690,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17021-1-9.6.2.2",
        standard: "iso-iec-17021-1-2015",
        clause: "9.6.2.2",
        question: "Clause 9.6.2.2 requires surveillance audits at least once a calendar year. Could the first surveillance audit take place 14 months after the certification decision, provided it falls in the following calendar year?",
        answer: "No. The first surveillance audit after initial certification is to take place no more than 12 months from the date of the certification decision. The rule of at least once a calendar year applies to the later surveillance audits and is not meant to stretch that first interval. The intent is to confirm early that the certified management system continues to be implemented effectively.",
        submitter: 17,
        published_days_ago: 615,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17021-1-9.6.3",
        standard: "iso-iec-17021-1-2015",
        clause: "9.6.3",
        question: "When the recertification audit has been completed but the certification decision is taken only after the certificate has expired, can the certification body restore the certification, and which dates does the certificate then carry?",
        answer: "The standard expects recertification to be planned so that the decision is taken before expiry. If certification has expired, 9.6.3 allows the certification body to restore it within six months, provided the outstanding recertification activities are completed; otherwise at least a stage 2 audit is conducted. The effective date on the certificate is on or after the recertification decision, and the expiry date is based on the prior certification cycle.",
        submitter: 4,
        published_days_ago: 545,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17021-1-5.2-training",
        standard: "iso-iec-17021-1-2015",
        clause: "5.2",
        question: "May a certification body run public training courses on ISO 9001 that its own certification clients attend, without this being treated as management system consultancy?",
        answer: "Yes. Arranging training and acting as a trainer is not considered management system consultancy when a course on management systems or auditing is confined to generic information freely available in the public domain, and the trainer gives no organization-specific solutions. The certification body still considers the relationship in its analysis of risks to impartiality under 5.2, for example when the same person trains a client and later audits it.",
        submitter: 14,
        published_days_ago: 420,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17021-1-9.5",
        standard: "iso-iec-17021-1-2015",
        clause: "9.5",
        question: "Can the audit team leader who conducted the audit also take the certification decision when no other competent person is available?",
        answer: "No. Clause 9.5 requires the certification decision to be taken by persons or committees who were not involved in the audit. The availability of staff does not change this: the intent is that the decision is an independent review of the audit results before certification is granted.",
        submitter: 16,
        published_days_ago: 22,
        consider_at_revision: true,
        flag: None,
    },
    // ISO/IEC 17020:2012, answered while that edition was in force
    Sample {
        key: "17020-annex-a.3",
        standard: "iso-iec-17020-2012",
        clause: "Annex A.3",
        question: "May a type C inspection body inspect products whose design was carried out by another department of the same organization?",
        answer: "Yes. Type C inspection bodies, as described in A.3, may be part of an organization involved in the design, manufacture, supply, installation, use or maintenance of the items they inspect. The intent of A.3 is that safeguards within the organization ensure an adequate segregation of responsibilities and accountabilities between inspection and those other activities. Design and inspection of the same item are not to be carried out by the same person.",
        submitter: 5,
        published_days_ago: 590,
        consider_at_revision: true,
        flag: Some(Flag {
            kind: "superseded",
            note: "Superseded by ISO/IEC 17020:2026. This answer concerns the 2012 edition only; a question on the new edition needs a new request.",
            days_ago: 25,
        }),
    },
    Sample {
        key: "17020-6.3.1",
        standard: "iso-iec-17020-2012",
        clause: "6.3.1",
        question: "Clause 6.3.1 says the inspection body shall itself normally perform the inspections it contracts to undertake. Does 'normally' set a percentage limit on subcontracting?",
        answer: "No numerical limit is intended. *Normally* expresses that subcontracting is the exception, used for example when the workload is unforeseen or key staff are temporarily unavailable, not the way the inspection body usually delivers its service. When it does subcontract, the inspection body remains responsible for the work and has to be able to demonstrate that the subcontractor is competent.",
        submitter: 12,
        published_days_ago: 480,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17020-6.1-monitoring",
        standard: "iso-iec-17020-2012",
        clause: "6.1",
        question: "Does the inspection body have to observe every inspector on site, and how often, to monitor their performance under 6.1?",
        answer: "The intent is that the performance of each inspector is monitored, with on-site observation as the usual means unless there is sufficient supporting evidence that the inspector continues to perform competently. The standard does not set a frequency. The inspection body determines it, taking into account the risk and complexity of the inspections and the results of earlier monitoring.",
        submitter: 7,
        published_days_ago: 365,
        consider_at_revision: true,
        flag: None,
    },
    // ISO/IEC 17024:2012, answered while that edition was in force
    Sample {
        key: "17024-6.2.2",
        standard: "iso-iec-17024-2012",
        clause: "6.2.2",
        question: "May an examiner examine a candidate whom the same examiner has trained for the certification?",
        answer: "The standard treats this as a potential conflict of interest rather than ruling it out in every case. Where an examiner has a potential conflict of interest in the examination of a candidate, the certification body takes measures to ensure that the confidentiality and impartiality of the examination are not compromised, and records them. Assigning another examiner, or adding a second one, are examples of such measures.",
        submitter: 2,
        published_days_ago: 640,
        consider_at_revision: true,
        flag: Some(Flag {
            kind: "superseded",
            note: "Superseded by ISO/IEC 17024:2026. This answer concerns the 2012 edition only; a question on the new edition needs a new request.",
            days_ago: 18,
        }),
    },
    Sample {
        key: "17024-5.2",
        standard: "iso-iec-17024-2012",
        clause: "5.2",
        question: "May a body certifying persons also offer training for the same certification, if candidates are free to train elsewhere?",
        answer: "Yes, provided the conditions of 5.2 are met. The intent is that training does not compromise the confidentiality and impartiality of evaluation and certification, and that candidates are not led to believe that the certification body's training makes certification simpler, easier or less expensive. Training being optional and available from other providers supports this, but does not replace the other safeguards of 5.2.",
        submitter: 8,
        published_days_ago: 410,
        consider_at_revision: true,
        flag: None,
    },
    // ISO/IEC 17011:2017
    Sample {
        key: "17011-7.9",
        standard: "iso-iec-17011-2017",
        clause: "7.9",
        question: "Does the accreditation body have to witness every activity in the scope of accreditation of a conformity assessment body within each accreditation cycle?",
        answer: "No. The intent of 7.9 is that the assessment programme for the accreditation cycle covers a representative sample of the scope, using on-site assessment and other assessment techniques, including witnessing where appropriate. The accreditation body decides the extent of witnessing taking into account risk, the complexity of the activities and the results of previous assessments.",
        submitter: 1,
        published_days_ago: 500,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17011-4.3",
        standard: "iso-iec-17011-2017",
        clause: "4.3",
        question: "May an accredited conformity assessment body issue reports that contain both accredited and non-accredited results while showing the accreditation symbol?",
        answer: "ISO/IEC 17011 does not address this case directly. Clause 4.3 requires the accreditation body to have a policy governing the use of its symbol and claims of accredited status, and to act on incorrect references or misleading use. Whether mixed reports are allowed, and how non-accredited results are identified, is for that policy to define; the intent is that no one is misled about which results are covered by accreditation.",
        submitter: 7,
        published_days_ago: 140,
        consider_at_revision: false,
        flag: None,
    },
    // ISO/IEC 17043:2023
    Sample {
        key: "17043-6.4",
        standard: "iso-iec-17043-2023",
        clause: "6.4",
        question: "When a proficiency testing provider has the homogeneity and stability testing of its proficiency test items done by an external laboratory, must that laboratory be accredited?",
        answer: "ISO/IEC 17043 does not require accreditation of external providers. Under 6.4 the proficiency testing provider remains responsible for externally provided products and services and ensures that they are suitable, which includes confirming the competence of the laboratory that tests the items. Accreditation of that laboratory is one way of gaining such confidence.",
        submitter: 15,
        published_days_ago: 330,
        consider_at_revision: true,
        flag: None,
    },
    Sample {
        key: "17043-4.1",
        standard: "iso-iec-17043-2023",
        clause: "4.1",
        question: "Can a laboratory belonging to the same organization as the proficiency testing provider take part in a scheme that the provider operates?",
        answer: "Yes, the standard does not exclude it. Such participation is a risk to impartiality that the provider identifies under 4.1, for example through access to assigned values or to other participants' results. The intent is that the provider eliminates or minimizes this risk, for instance by separating the personnel and information involved, so that the laboratory takes part on the same terms as any other participant.",
        submitter: 10,
        published_days_ago: 95,
        consider_at_revision: true,
        flag: None,
    },
];

// ---------------------------------------------------------------------------
// Requests in progress and closed, on the 17025 and 17065 groups
// ---------------------------------------------------------------------------

/// One thing that happens to a request.
#[derive(Debug, Clone, Copy)]
enum Step {
    Confirm,
    Accept,
    Ask(&'static str),
    Reply(&'static str),
    Expire,
    /// A `not_admissible_reason` and the note to the submitter.
    NotAdmissible(&'static str, &'static str),
    /// The external committee's code and the note.
    Refer(&'static str, &'static str),
    /// The key of the published sample it duplicates.
    Duplicate(&'static str),
    /// An internal comment (not a transition: no event).
    Comment(Seat, &'static str),
    OpenRound(&'static str),
    Vote(Seat, Position, Option<&'static str>),
    /// The final answer and the convenor's response to each opposition.
    CloseWithConsensus(&'static str, Option<&'static str>),
    CloseWithoutConsensus(&'static str),
    CloseNoConsensus(&'static str),
    SendBack(&'static str),
    Publish,
    /// A publication flag and its note.
    Mark(&'static str, &'static str),
    Withdraw,
}

impl Step {
    fn action(self) -> Option<(Action, Actor)> {
        Some(match self {
            Step::Confirm => (Action::Confirm, Actor::Submitter),
            Step::Accept => (Action::Accept, Actor::Secretariat),
            Step::Ask(_) => (Action::AskForInformation, Actor::Secretariat),
            Step::Reply(_) => (Action::Reply, Actor::Submitter),
            Step::Expire => (Action::ExpireUnanswered, Actor::System),
            Step::NotAdmissible(..) => (Action::NotAdmissible, Actor::Secretariat),
            Step::Refer(..) => (Action::Refer, Actor::Secretariat),
            Step::Duplicate(_) => (Action::Duplicate, Actor::Secretariat),
            Step::Comment(..) => return None,
            Step::OpenRound(_) => (Action::OpenRound, Actor::Convenor),
            Step::Vote(seat, ..) => (Action::Vote, seat.actor()),
            Step::CloseWithConsensus(..) => (Action::CloseWithConsensus, Actor::Convenor),
            Step::CloseWithoutConsensus(_) => (Action::CloseWithoutConsensus, Actor::Convenor),
            Step::CloseNoConsensus(_) => (Action::CloseNoConsensus, Actor::Convenor),
            Step::SendBack(_) => (Action::SendBack, Actor::Secretariat),
            Step::Publish => (Action::Publish, Actor::Secretariat),
            Step::Mark(..) => (Action::MarkPublication, Actor::Secretariat),
            Step::Withdraw => (Action::Withdraw, Actor::Submitter),
        })
    }

    /// The seat of whoever takes this step in the group, if it is a group step.
    fn seat(self) -> Option<Seat> {
        match self {
            Step::Comment(seat, _) | Step::Vote(seat, ..) => Some(seat),
            Step::OpenRound(_)
            | Step::CloseWithConsensus(..)
            | Step::CloseWithoutConsensus(_)
            | Step::CloseNoConsensus(_) => Some(Seat::Convenor),
            _ => None,
        }
    }
}

const fn days(n: i64) -> i64 {
    n * 24 * 60
}

const fn hours(n: i64) -> i64 {
    n * 60
}

/// A request played from submission to where it stands today.
struct Case {
    key: &'static str,
    standard: &'static str,
    clause: &'static str,
    question: &'static str,
    background: Option<&'static str>,
    proposed_answer: Option<&'static str>,
    submitter: usize,
    /// Days before today of the last step.
    ends_days_ago: i64,
    /// Each step with the minutes since the previous one (ignored for the first).
    steps: &'static [(i64, Step)],
}

const ASK_6_4_10: &str = "Thank you for your request. To put it to the maintenance group we need a question about the intent of 6.4.10 that applies generally, not to particular equipment. Could you tell us which kind of equipment you have in mind (reference standards or working instruments, for example) and what you find unclear in the clause: when intermediate checks are necessary, or how they are to be carried out?";

const ASK_6_3: &str = "Clause 6.3 does not set values for environmental conditions: they depend on the laboratory activities and methods. Could you tell us which requirement of 6.3 you find unclear, for example when conditions have to be monitored, controlled and recorded (6.3.3)? Without a question about the intent of a requirement we cannot put the request to the maintenance group.";

const ASK_7_10: &str = "Could you tell us whether your question concerns changes to certification requirements in general (7.10.1) or the transition rules of a particular certification scheme? Transition arrangements set by a scheme owner are outside what the maintenance group can clarify.";

const DRAFT_6_5_2: &str = "No. Clause 6.5.2 a) requires calibration by a competent laboratory; it does not require accreditation. Note 1 to 6.5.2 states that calibration laboratories fulfilling the requirements of ISO/IEC 17025 are considered to be competent. Accreditation is a common way of showing this, but the laboratory can also rely on other evidence of the calibration laboratory's competence and of the metrological traceability of its results.";

const DRAFT_8_1_3: &str = "No certificate is required. Option B applies to a laboratory that has established and maintains a management system in accordance with the requirements of ISO 9001 that supports the consistent fulfilment of Clauses 4 to 7; such a system fulfils at least the intent of 8.2 to 8.9. Certification to ISO 9001 is neither required nor, on its own, sufficient evidence of this.";

const FINAL_8_1_3: &str = "No certificate is required. Option B applies to a laboratory that has established and maintains a management system in accordance with the requirements of ISO 9001, and that is capable of supporting and demonstrating the consistent fulfilment of Clauses 4 to 7; such a system fulfils at least the intent of the management system requirements in 8.2 to 8.9. Certification to ISO 9001 is not required by the standard and is not, on its own, evidence that these conditions are met. The management system is therefore not exempt from examination: what is examined is whether it meets the conditions of Option B.";

const DRAFT_7_11: &str = "Clause 7.11 leaves this to the certification scheme and to the certification body's arrangements with the client. During a suspension the certification is temporarily invalid, so the client makes no new claims of certification. Products placed on the market before the suspension are not addressed by the standard; whether stock may still be delivered depends on the scheme and the applicable legislation.";

const CASES: &[Case] = &[
    // --- MG 17025 -----------------------------------------------------------
    Case {
        key: "17025-screening-7.8.2.2",
        standard: ISO_17025,
        clause: "7.8.2.2",
        question: "When the customer supplies information that can affect the validity of results, such as the date and place of sampling, 7.8.2.2 requires a disclaimer in the report. Is a general statement that information supplied by the customer has not been verified sufficient, or does each item supplied by the customer have to be identified in the report?",
        background: Some(
            "Our accreditation body and several of our customers read the clause differently. We would like to know what it intends before we change our report template.",
        ),
        proposed_answer: None,
        submitter: 0,
        ends_days_ago: 1,
        steps: &[(0, Step::Confirm)],
    },
    Case {
        key: "17025-awaiting-6.4.10",
        standard: ISO_17025,
        clause: "6.4.10",
        question: "Are intermediate checks under 6.4.10 needed for our equipment, or is regular calibration enough?",
        background: None,
        proposed_answer: None,
        submitter: 3,
        ends_days_ago: 3,
        steps: &[
            (0, Step::Confirm),
            (days(1) + hours(4), Step::Ask(ASK_6_4_10)),
        ],
    },
    Case {
        key: "17025-in-group-7.3",
        standard: ISO_17025,
        clause: "7.3.1",
        question: "Do the sampling requirements of 7.3 apply when the laboratory only takes a test portion from the item the customer sent, or only when the laboratory samples a batch, lot or site to obtain that item?",
        background: Some(
            "Some assessors ask for a sampling plan under 7.3.1 for every subsampling step in our methods.",
        ),
        proposed_answer: Some(
            "7.3 applies to sampling carried out by the laboratory to obtain the item for testing; taking a test portion is part of the method.",
        ),
        submitter: 8,
        ends_days_ago: 2,
        steps: &[
            (0, Step::Confirm),
            (days(2) + hours(1), Step::Accept),
            (
                days(3) + hours(5),
                Step::Comment(
                    Seat::Member1,
                    "The definition of *laboratory* in 3.6 lists sampling *associated with subsequent testing or calibration*, which supports the submitter's reading. I suggest we say that taking a test portion belongs to the method (7.2) and to the handling of the item (7.4), not to 7.3.",
                ),
            ),
            (
                days(1) + hours(2),
                Step::Comment(
                    Seat::Convenor,
                    "Agreed. I will circulate a draft answer after next week's meeting.",
                ),
            ),
        ],
    },
    Case {
        key: "17025-balloting-6.5.2",
        standard: ISO_17025,
        clause: "6.5.2",
        question: "Does 'calibration provided by a competent laboratory' in 6.5.2 a) mean that the calibration laboratory must be accredited to ISO/IEC 17025?",
        background: None,
        proposed_answer: None,
        submitter: 12,
        ends_days_ago: 1,
        steps: &[
            (0, Step::Confirm),
            (days(3), Step::Accept),
            (days(12) + hours(3), Step::OpenRound(DRAFT_6_5_2)),
            (
                days(1) + hours(2),
                Step::Vote(Seat::Convenor, Position::Agree, None),
            ),
            (
                days(2) + hours(5),
                Step::Vote(
                    Seat::Member1,
                    Position::Oppose,
                    Some(
                        "As drafted, the answer reads as if any calibration certificate were acceptable. It should say that the laboratory then has to be able to demonstrate the competence of the calibration provider and the traceability of its results, otherwise readers will take it as a relaxation.",
                    ),
                ),
            ),
        ],
    },
    Case {
        key: "17025-balloting-7.7.1",
        standard: ISO_17025,
        clause: "7.7.1",
        question: "Clause 7.7.1 lists activities a) to k) for monitoring the validity of results. Does the laboratory have to use every one of them?",
        background: None,
        proposed_answer: None,
        submitter: 19,
        ends_days_ago: 14,
        steps: &[
            (0, Step::Confirm),
            (days(4), Step::Accept),
            (
                days(9),
                Step::OpenRound(
                    "No. The monitoring in 7.7.1 includes the activities a) to k) *where appropriate*. The intent is that the laboratory plans and reviews its monitoring and chooses the activities that suit its methods and the risks involved. The list is not a checklist to be applied in full.",
                ),
            ),
            (
                days(3) + hours(6),
                Step::Vote(
                    Seat::Member2,
                    Position::AgreeWithComments,
                    Some("Agree. Editorial: the last sentence could simply end after 'checklist'."),
                ),
            ),
        ],
    },
    Case {
        key: "17025-decided-8.1.3",
        standard: ISO_17025,
        clause: "8.1.3",
        question: "Under Option B (8.1.3), does a laboratory need an ISO 9001 certificate, and is its management system then exempt from assessment against 8.2 to 8.9?",
        background: None,
        proposed_answer: None,
        submitter: 14,
        ends_days_ago: 2,
        steps: &[
            (0, Step::Confirm),
            (days(2) + hours(3), Step::Accept),
            (days(15), Step::OpenRound(DRAFT_8_1_3)),
            (days(2), Step::Vote(Seat::Convenor, Position::Agree, None)),
            (
                days(4) + hours(2),
                Step::Vote(Seat::Member1, Position::Agree, None),
            ),
            (
                days(6) + hours(1),
                Step::Vote(
                    Seat::Member2,
                    Position::Oppose,
                    Some(
                        "The second half of the question is not answered. The answer should say that the management system is still examined, for whether it meets the conditions of Option B, and is not exempted.",
                    ),
                ),
            ),
            (
                days(10) + hours(4),
                Step::CloseWithConsensus(
                    FINAL_8_1_3,
                    Some(
                        "Accepted: the final answer adds that the management system is not exempt from examination and says what is examined under Option B. The member confirmed that the change resolves the opposition.",
                    ),
                ),
            ),
        ],
    },
    Case {
        key: "17025-no-consensus-7.6.1",
        standard: ISO_17025,
        clause: "7.6.1",
        question: "Clause 7.6.1 says that contributions arising from sampling shall be taken into account when evaluating measurement uncertainty. Does this apply when the customer, not the laboratory, took the sample?",
        background: None,
        proposed_answer: None,
        submitter: 1,
        ends_days_ago: 40,
        steps: &[
            (0, Step::Confirm),
            (days(3), Step::Accept),
            (
                days(20),
                Step::OpenRound(
                    "No. The contributions from sampling in 7.6.1 are those of sampling carried out by the laboratory. When the customer provides the item, the laboratory evaluates the uncertainty of its own measurement, and its results apply to the item as received.",
                ),
            ),
            (
                days(3),
                Step::Vote(
                    Seat::Member1,
                    Position::Oppose,
                    Some(
                        "Where the customer's sampling dominates the uncertainty, reporting only the analytical part understates the uncertainty of the result that customers actually use. The text cannot be read as excluding this without a revision.",
                    ),
                ),
            ),
            (
                days(1) + hours(3),
                Step::Vote(Seat::Member2, Position::Agree, None),
            ),
            (days(2), Step::Vote(Seat::Convenor, Position::Abstain, None)),
            (
                days(15),
                Step::CloseWithoutConsensus(
                    "Sustained opposition on whether 7.6.1 covers sampling the laboratory did not perform. Back to the group for discussion at the next meeting.",
                ),
            ),
            (
                days(20),
                Step::CloseNoConsensus(
                    "The group could not reach consensus: the text of 7.6.1 supports both readings, and settling it would change the requirement. The question is recorded for the next revision of ISO/IEC 17025.",
                ),
            ),
        ],
    },
    Case {
        key: "17025-duplicate-7.8.6",
        standard: ISO_17025,
        clause: "7.8.6",
        question: "Is a decision rule needed for a test report that gives only the measured values and does not state whether the product conforms?",
        background: None,
        proposed_answer: None,
        submitter: 5,
        ends_days_ago: 25,
        steps: &[
            (0, Step::Confirm),
            (
                days(1) + hours(2),
                Step::Duplicate("17025-7.8.6-no-statement"),
            ),
        ],
    },
    Case {
        key: "17025-expired-6.3",
        standard: ISO_17025,
        clause: "6.3",
        question: "What environmental conditions does the standard require for our laboratory rooms?",
        background: None,
        proposed_answer: None,
        submitter: 11,
        ends_days_ago: 50,
        steps: &[
            (0, Step::Confirm),
            (days(1) + hours(1), Step::Ask(ASK_6_3)),
            (days(30) + hours(1), Step::Expire),
        ],
    },
    Case {
        key: "17025-withdrawn-7.9.6",
        standard: ISO_17025,
        clause: "7.9.6",
        question: "Clause 7.9.6 requires the outcome communicated to a complainant to be made, or reviewed and approved, by individuals not involved in the original laboratory activities. Must that person come from outside the laboratory?",
        background: None,
        proposed_answer: None,
        submitter: 17,
        ends_days_ago: 70,
        steps: &[
            (0, Step::Confirm),
            (days(2), Step::Accept),
            (days(6) + hours(3), Step::Withdraw),
        ],
    },
    Case {
        key: "17025-not-admissible-7.2.2",
        standard: ISO_17025,
        clause: "7.2.2.1",
        question: "Should 7.2.2 specify a minimum number of replicate measurements, for example ten, for the validation of non-standard methods, so that all laboratories validate in the same way?",
        background: None,
        proposed_answer: Some("Yes, at least ten replicates at each concentration level."),
        submitter: 2,
        ends_days_ago: 100,
        steps: &[
            (0, Step::Confirm),
            (
                days(2) + hours(2),
                Step::NotAdmissible(
                    "new_requirement",
                    "The request proposes a new requirement (a minimum number of replicates) rather than asking about the intent of 7.2.2. A clarification cannot add requirements. Proposals for the next revision can be sent through your national standards body.",
                ),
            ),
        ],
    },
    // --- MG 17065 -----------------------------------------------------------
    Case {
        key: "17065-screening-7.10",
        standard: ISO_17065,
        clause: "7.10.1",
        question: "When a standard used for certification is revised, does 7.10 require the certification body to re-evaluate every certified product before the end of the transition period?",
        background: None,
        proposed_answer: None,
        submitter: 4,
        ends_days_ago: 1,
        steps: &[
            (0, Step::Confirm),
            (days(1) + hours(2), Step::Ask(ASK_7_10)),
            (
                days(2) + hours(5),
                Step::Reply(
                    "Our question is about 7.10.1 in general: whether the clause itself requires the re-evaluation of all certified products, or whether the certification body decides what is needed for each product. We are not asking about a particular scheme.",
                ),
            ),
        ],
    },
    Case {
        key: "17065-sent-back-7.11",
        standard: ISO_17065,
        clause: "7.11",
        question: "During a suspension of certification under 7.11, may the client continue to deliver products that were produced and marked while the certification was valid?",
        background: None,
        proposed_answer: None,
        submitter: 13,
        ends_days_ago: 6,
        steps: &[
            (0, Step::Confirm),
            (days(3), Step::Accept),
            (days(10) + hours(2), Step::OpenRound(DRAFT_7_11)),
            (days(2), Step::Vote(Seat::Member1, Position::Agree, None)),
            (
                days(3) + hours(4),
                Step::Vote(Seat::Member2, Position::Agree, None),
            ),
            (days(5), Step::Vote(Seat::Convenor, Position::Agree, None)),
            (days(12), Step::CloseWithConsensus(DRAFT_7_11, None)),
            (
                days(3) + hours(1),
                Step::SendBack(
                    "Please check that each statement is supported by the text of 7.11; 'temporarily invalid' is not the standard's wording. Please also remove the reference to legislation, which is outside what the group can clarify.",
                ),
            ),
        ],
    },
    Case {
        key: "17065-balloting-7.7.1",
        standard: ISO_17065,
        clause: "7.7.1",
        question: "Must every certificate issued under ISO/IEC 17065 state an expiry date?",
        background: None,
        proposed_answer: None,
        submitter: 9,
        ends_days_ago: 5,
        steps: &[
            (0, Step::Confirm),
            (days(2), Step::Accept),
            (
                days(8) + hours(3),
                Step::OpenRound(
                    "No. Clause 7.7.1 requires the certification documentation to give the term or expiry date of certification if the certification expires after a set period. Where certification has no fixed term and is maintained through surveillance, no expiry date is required by the standard, although the certification scheme may require one.",
                ),
            ),
            (
                days(1) + hours(1),
                Step::Vote(Seat::Convenor, Position::Agree, None),
            ),
        ],
    },
    Case {
        key: "17065-not-admissible-7.4",
        standard: ISO_17065,
        clause: "7.4",
        question: "Our certification body evaluated a manufacturer's factory last month and the auditor accepted the manufacturer's in-house test data for the electrical safety tests. Was this acceptable under 7.4, and should we now withdraw the certificate?",
        background: None,
        proposed_answer: None,
        submitter: 5,
        ends_days_ago: 130,
        steps: &[
            (0, Step::Confirm),
            (
                days(1) + hours(3),
                Step::NotAdmissible(
                    "specific_situation",
                    "The request asks for an assessment of one evaluation and of a decision about one certificate: advice on a specific situation rather than a question about the intent of a requirement. You are welcome to submit a general question on the use of a client's own test data under 7.4.",
                ),
            ),
        ],
    },
    Case {
        key: "17065-referred-22003",
        standard: ISO_17065,
        clause: "7.4",
        question: "For the certification of food safety management systems to ISO 22000, how should audit time be determined when the certification body is also accredited to ISO/IEC 17065?",
        background: None,
        proposed_answer: None,
        submitter: 16,
        ends_days_ago: 160,
        steps: &[
            (0, Step::Confirm),
            (
                days(1),
                Step::Refer(
                    "ISO/TC 34/SC 17",
                    "Audit time for the certification of food safety management systems is set by ISO 22003-1, which is maintained by ISO/TC 34/SC 17, not by CASCO. We have referred your question to that committee; its contact details follow.",
                ),
            ),
        ],
    },
];

// ---------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo needs {0}, which is not in the database; load the built-in registry first")]
    Missing(String),
    #[error("the demo password: {0}")]
    Password(&'static str),
    #[error("the demo script is inconsistent: {0}")]
    Script(String),
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub accounts_created: usize,
    pub memberships_created: usize,
    pub published_created: usize,
    pub requests_created: usize,
    /// Reference and plain tracking token of each open request created now:
    /// the submitter's link, which exists nowhere else.
    pub tracking_links: Vec<(String, String)>,
}

impl DemoReport {
    pub fn is_empty(&self) -> bool {
        self.accounts_created == 0 && self.memberships_created == 0 && self.requests_created == 0
    }

    /// What the person at the terminal needs to try the demo.
    pub fn summary(&self, base_url: &str) -> String {
        if self.is_empty() {
            return "demo: already loaded, nothing added".to_owned();
        }
        let mut text = format!(
            "demo: {} accounts, {} memberships, {} published sample clarifications and {} other requests added\n\
             accounts (password: ${PASSWORD_VARIABLE}, default {DEFAULT_PASSWORD}):\n",
            self.accounts_created,
            self.memberships_created,
            self.published_created,
            self.requests_created - self.published_created,
        );
        for account in &ACCOUNTS {
            let role = match account.seat {
                Some((slug, seat)) => format!("{} for {slug}", seat.role().as_str()),
                None => "secretariat".to_owned(),
            };
            text.push_str(&format!("  {:<30} {role}\n", account.email));
        }
        if !self.tracking_links.is_empty() {
            text.push_str("tracking links of the open demo requests (shown only now):\n");
            for (reference, token) in &self.tracking_links {
                text.push_str(&format!("  {reference}  {base_url}/track/{token}\n"));
            }
        }
        text.trim_end().to_owned()
    }
}

/// Adds the demo to a database whose registry is loaded; what exists
/// already is left as it is. Everything happens in one write transaction.
pub fn seed(
    conn: &mut DbConn,
    password: &str,
    now: NaiveDateTime,
) -> Result<DemoReport, DemoError> {
    password::check_new(password, password).map_err(DemoError::Password)?;
    let plans = plans(now);
    // Hashing is slow: once, outside the transaction, and only if needed.
    let mut missing = false;
    for account in &ACCOUNTS {
        missing |= users::find_by_email(conn, account.email)?.is_none();
    }
    let hash = missing.then(|| password::hash(password));
    let since = plans
        .iter()
        .filter_map(|plan| plan.steps.first().map(|(at, _)| *at))
        .min()
        .unwrap_or(now)
        - TimeDelta::days(30);
    db::write_transaction(conn, |conn| {
        let mut report = DemoReport::default();
        let mut world = seed_accounts(conn, hash.as_deref(), since, &mut report)?;
        for plan in &plans {
            play(conn, &mut world, plan, &mut report)?;
        }
        Ok(report)
    })
}

/// Who sits where, and what the requests refer to.
struct World {
    secretariat: String,
    /// group id → seat → user id
    crews: HashMap<String, HashMap<Seat, String>>,
    standards: HashMap<&'static str, Standard>,
    /// plan key → request id and reference
    requests: HashMap<&'static str, (String, Option<String>)>,
}

impl World {
    fn standard(&mut self, conn: &mut DbConn, slug: &'static str) -> Result<Standard, DemoError> {
        if let Some(standard) = self.standards.get(slug) {
            return Ok(standard.clone());
        }
        let (standard, _) = standards::find_by_slug(conn, slug)?
            .ok_or_else(|| DemoError::Missing(format!("the standard {slug}")))?;
        self.standards.insert(slug, standard.clone());
        Ok(standard)
    }

    fn seat_holder(&self, group_id: Option<&str>, seat: Seat) -> Option<&str> {
        self.crews
            .get(group_id?)
            .and_then(|crew| crew.get(&seat))
            .map(String::as_str)
    }
}

fn seed_accounts(
    conn: &mut DbConn,
    hash: Option<&str>,
    since: NaiveDateTime,
    report: &mut DemoReport,
) -> Result<World, DemoError> {
    let mut world = World {
        secretariat: String::new(),
        crews: HashMap::new(),
        standards: HashMap::new(),
        requests: HashMap::new(),
    };
    for account in &ACCOUNTS {
        let id = match users::find_by_email(conn, account.email)? {
            Some(user) => user.id,
            None => {
                let id = db::new_id();
                users::insert(
                    conn,
                    &users::NewUser {
                        id: &id,
                        email: account.email,
                        name: account.name,
                        password_hash: Some(hash.ok_or_else(|| {
                            DemoError::Script("an account appeared during seeding".into())
                        })?),
                        is_secretariat: account.secretariat,
                        active: true,
                        created_at: since,
                    },
                )?;
                report.accounts_created += 1;
                id
            }
        };
        if account.secretariat {
            world.secretariat = id.clone();
        }
        if let Some((slug, seat)) = account.seat {
            let standard = world.standard(conn, slug)?;
            let group_id = standard.group_id.clone().ok_or_else(|| {
                DemoError::Missing(format!("a maintenance group responsible for {slug}"))
            })?;
            let member: bool = diesel::select(diesel::dsl::exists(
                memberships::table.find((&group_id, &id)),
            ))
            .get_result(conn)?;
            if !member {
                groups::add_member(conn, &group_id, &id, seat.role().as_str(), since)?;
                report.memberships_created += 1;
            }
            world.crews.entry(group_id).or_default().insert(seat, id);
        }
    }
    Ok(world)
}

/// A request with the moment of each step.
struct Plan {
    key: &'static str,
    standard: &'static str,
    clause: &'static str,
    question: &'static str,
    background: Option<&'static str>,
    proposed_answer: Option<&'static str>,
    submitter: usize,
    consider_at_revision: bool,
    published: bool,
    steps: Vec<(NaiveDateTime, Step)>,
}

/// Every demo request, oldest submission first, so that references follow
/// the order of submission within each year.
fn plans(now: NaiveDateTime) -> Vec<Plan> {
    let mut plans: Vec<Plan> = SAMPLES
        .iter()
        .enumerate()
        .map(|(i, sample)| sample_plan(now, i, sample))
        .chain(CASES.iter().map(|case| Plan {
            key: case.key,
            standard: case.standard,
            clause: case.clause,
            question: case.question,
            background: case.background,
            proposed_answer: case.proposed_answer,
            submitter: case.submitter,
            consider_at_revision: true,
            published: false,
            steps: schedule(now, case.key, case.ends_days_ago, case.steps),
        }))
        .collect();
    plans.sort_by_key(|plan| plan.steps.first().map(|(at, _)| *at));
    plans
}

/// The life of a published sample: confirmed, accepted, one round, decided,
/// published, and maybe flagged later. The gaps vary with `i`.
fn sample_plan(now: NaiveDateTime, i: usize, sample: &Sample) -> Plan {
    let n = i as i64;
    let mut steps = vec![
        (0, Step::Confirm),
        (days(1 + n % 4) + hours(n % 5), Step::Accept),
        (
            days(8 + (n * 7) % 18) + hours((n * 3) % 7),
            Step::OpenRound(sample.answer),
        ),
    ];
    // Votes only where the group has demo members; the round closes a day
    // after its deadline.
    let mut voted = 0;
    if matches!(sample.standard, ISO_17025 | ISO_17065) {
        let member2 = if i % 3 == 0 {
            Step::Vote(
                Seat::Member2,
                Position::AgreeWithComments,
                Some("Agree with the substance; editorial suggestions sent to the convenor."),
            )
        } else {
            Step::Vote(Seat::Member2, Position::Agree, None)
        };
        steps.push((
            days(2) + hours(1),
            Step::Vote(Seat::Member1, Position::Agree, None),
        ));
        steps.push((days(3) + hours(4), member2));
        steps.push((
            days(4) + hours(2),
            Step::Vote(Seat::Convenor, Position::Agree, None),
        ));
        voted = days(2) + hours(1) + days(3) + hours(4) + days(4) + hours(2);
    }
    steps.push((
        days(ROUND_DAYS + 1) - voted,
        Step::CloseWithConsensus(sample.answer, None),
    ));
    steps.push((days(3 + (n * 5) % 10) + hours(n % 3), Step::Publish));
    let ends = match &sample.flag {
        Some(flag) => {
            steps.push((
                days(sample.published_days_ago - flag.days_ago),
                Step::Mark(flag.kind, flag.note),
            ));
            flag.days_ago
        }
        None => sample.published_days_ago,
    };
    Plan {
        key: sample.key,
        standard: sample.standard,
        clause: sample.clause,
        question: sample.question,
        background: None,
        proposed_answer: None,
        submitter: sample.submitter,
        consider_at_revision: sample.consider_at_revision,
        published: true,
        steps: schedule(now, sample.key, ends, &steps),
    }
}

/// Places the steps in time, backwards from the last one: `ends_days_ago`
/// days before today, during office hours (UTC).
fn schedule(
    now: NaiveDateTime,
    key: &str,
    ends_days_ago: i64,
    steps: &[(i64, Step)],
) -> Vec<(NaiveDateTime, Step)> {
    let spread = key
        .bytes()
        .fold(7_i64, |h, b| (h * 31 + i64::from(b)) % 1_000_003);
    let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("a valid time");
    let end = (now.date() - TimeDelta::days(ends_days_ago.max(1))).and_time(nine)
        + TimeDelta::minutes(spread % 420);
    let mut at = end;
    let mut timed = Vec::with_capacity(steps.len());
    for (gap, step) in steps.iter().rev() {
        timed.push((at, *step));
        at -= TimeDelta::minutes(*gap);
    }
    timed.reverse();
    timed
}

/// Creates one request and plays its steps, unless it exists already.
fn play(
    conn: &mut DbConn,
    world: &mut World,
    plan: &Plan,
    report: &mut DemoReport,
) -> Result<(), DemoError> {
    let existing: Option<(String, Option<String>)> = requests::table
        .filter(requests::is_sample.eq(true))
        .filter(requests::question.eq(plan.question))
        .select((requests::id, requests::reference))
        .first(conn)
        .optional()?;
    if let Some(found) = existing {
        world.requests.insert(plan.key, found);
        return Ok(());
    }
    let script = |message: String| DemoError::Script(format!("{}: {message}", plan.key));
    let standard = world.standard(conn, plan.standard)?;
    let who = SUBMITTERS
        .get(plan.submitter)
        .ok_or_else(|| script("unknown submitter".into()))?;
    let first = plan
        .steps
        .first()
        .ok_or_else(|| script("no steps".into()))?
        .0;
    let submission = Submission {
        name: who.name.to_owned(),
        email: EmailAddress::parse(who.email).map_err(|e| script(e.to_owned()))?,
        organization: who.organization.map(str::to_owned),
        country: who.country,
        category: who.category,
        standard_slug: standard.slug.clone(),
        clause: plan.clause.to_owned(),
        question: plan.question.to_owned(),
        background: plan.background.map(str::to_owned),
        proposed_answer: plan.proposed_answer.map(str::to_owned),
    };
    // Submitted a little before the confirmation link was followed.
    let submitted = first - TimeDelta::minutes(23);
    let id = request_rows::insert_submission(
        conn,
        &submission,
        &standard.id,
        SUBMITTED_FROM,
        submitted,
    )?;
    diesel::update(requests::table.find(&id))
        .set(requests::is_sample.eq(true))
        .execute(conn)?;
    let mut player = Player {
        request: request_rows::find(conn, &id)?,
        track_token: None,
    };
    for (at, step) in &plan.steps {
        player
            .step(conn, world, plan, *at, *step)
            .map_err(|e| match e {
                DemoError::Script(message) => script(message),
                other => other,
            })?;
    }
    let request = &player.request;
    if (request.state == State::Published) != plan.published {
        return Err(script(format!("ends in {}", request.state)));
    }
    if let (true, Some(reference), Some(token)) = (
        request.state.is_open(),
        &request.reference,
        player.track_token.take(),
    ) {
        report.tracking_links.push((reference.clone(), token));
    }
    if plan.published {
        report.published_created += 1;
    }
    report.requests_created += 1;
    world
        .requests
        .insert(plan.key, (id, request.reference.clone()));
    Ok(())
}

struct Player {
    request: Request,
    track_token: Option<String>,
}

impl Player {
    /// Takes one step as the workflow would: decided by the lifecycle table,
    /// stored through the models, with the event (and note) the real action
    /// records.
    fn step(
        &mut self,
        conn: &mut DbConn,
        world: &World,
        plan: &Plan,
        at: NaiveDateTime,
        step: Step,
    ) -> Result<(), DemoError> {
        let id = self.request.id.clone();
        let group = self.request.group_id.clone();
        let holder = |seat: Seat| world.seat_holder(group.as_deref(), seat).map(str::to_owned);
        if let Step::Comment(seat, body) = step {
            let author = holder(seat)
                .ok_or_else(|| DemoError::Script("a comment needs a demo group member".into()))?;
            comments::add(conn, &id, &author, body, at)?;
            return Ok(());
        }
        let (action, actor) = step.action().expect("every other step is an action");
        let transition = lifecycle::decide(self.request.state, action, actor)
            .map_err(|refusal| DemoError::Script(format!("{action:?}: {refusal}")))?;
        let user = match actor {
            Actor::Secretariat => Some(world.secretariat.clone()),
            Actor::Convenor | Actor::Member => step.seat().and_then(holder),
            Actor::Submitter | Actor::System => None,
        };
        // Values the change borrows.
        let reference;
        let committee_id;
        let original;
        let to = transition.to;
        let closure = transition.closure;
        let mut change = Change {
            state: Some(to),
            closure_reason: closure,
            closed_at: closure.map(|_| at),
            updated_at: Some(at),
            ..Change::default()
        };
        let mut note: Option<String> = None;
        match step {
            Step::Confirm => {
                reference = references::allocate(conn, self.request.created_at.year())?;
                change.reference = Some(&reference);
                change.group_id = world
                    .standards
                    .get(plan.standard)
                    .and_then(|s| s.group_id.as_deref());
                change.confirmed_at = Some(at);
                self.track_token = Some(tokens::issue(
                    conn,
                    Purpose::Track,
                    tokens::Subject {
                        request_id: Some(&id),
                        ..Default::default()
                    },
                    at,
                    None,
                )?);
            }
            Step::Accept => change.group_id = group.as_deref(),
            Step::Ask(text)
            | Step::Reply(text)
            | Step::SendBack(text)
            | Step::CloseWithoutConsensus(text) => note = Some(text.to_owned()),
            Step::NotAdmissible(reason, text) => {
                change.not_admissible_reason = Some(reason);
                change.closure_note = Some(text);
                note = Some(text.to_owned());
            }
            Step::Refer(code, text) => {
                committee_id = committees::find_by_code(conn, code)?
                    .ok_or_else(|| DemoError::Missing(format!("the external committee {code}")))?
                    .id;
                change.referred_committee_id = Some(&committee_id);
                change.closure_note = Some(text);
                note = Some(text.to_owned());
            }
            Step::Duplicate(key) => {
                original = world.requests.get(key).cloned().ok_or_else(|| {
                    DemoError::Script(format!("duplicate of {key}, which comes later"))
                })?;
                change.duplicate_of_id = Some(&original.0);
                note = original.1.clone();
            }
            Step::CloseWithConsensus(answer, _) => {
                change.answer = Some(answer);
                change.decided_at = Some(at);
            }
            Step::CloseNoConsensus(text) => {
                change.closure_note = Some(text);
                note = Some(text.to_owned());
            }
            Step::Publish => {
                change.published_at = Some(at);
                change.consider_at_revision = Some(plan.consider_at_revision);
            }
            Step::Mark(flag, text) => {
                change.publication_flag = Some(flag);
                change.publication_flag_note = Some(text);
                note = Some(text.to_owned());
            }
            Step::Vote(_, position, _) => note = Some(position.as_str().to_owned()),
            Step::OpenRound(_) | Step::Expire | Step::Withdraw | Step::Comment(..) => {}
        }
        // A vote changes the round, not the request (nor its version).
        if action != Action::Vote && !request_rows::apply(conn, &id, self.request.version, &change)?
        {
            return Err(DemoError::Script(
                "the request changed under the demo".into(),
            ));
        }
        events::record(
            conn,
            events::NewEvent {
                request_id: &id,
                actor_user_id: user.as_deref(),
                actor_kind: actor.kind(),
                action,
                from_state: Some(self.request.state),
                to_state: to,
                note: note.as_deref(),
            },
            at,
        )?;
        self.round_work(conn, &id, user.as_deref(), at, step)?;
        self.request = request_rows::find(conn, &id)?;
        Ok(())
    }

    /// What a step does to the consensus rounds. Groups without demo
    /// accounts have no one to open, vote in or close a round: their
    /// samples keep the events only.
    fn round_work(
        &self,
        conn: &mut DbConn,
        request_id: &str,
        user: Option<&str>,
        at: NaiveDateTime,
        step: Step,
    ) -> Result<(), DemoError> {
        let Some(user) = user else {
            return match step {
                Step::Vote(..) => Err(DemoError::Script("a vote needs a demo group member".into())),
                _ => Ok(()),
            };
        };
        let open = || DemoError::Script("a round step without an open round".into());
        match step {
            Step::OpenRound(draft) => {
                let deadline = at + TimeDelta::days(ROUND_DAYS);
                round_rows::open(conn, request_id, draft, deadline, user, at)?;
            }
            Step::Vote(_, position, comment) => {
                let round = round_rows::open_round(conn, request_id)?.ok_or_else(open)?;
                round_rows::cast(conn, &round.id, user, position, comment, at)?;
            }
            Step::CloseWithConsensus(answer, response) => {
                let round = round_rows::open_round(conn, request_id)?.ok_or_else(open)?;
                for vote in round_rows::votes(conn, &round.id)?
                    .iter()
                    .filter(|v| v.position.is_opposition())
                {
                    let response = response.ok_or_else(|| {
                        DemoError::Script("consensus over an unanswered opposition".into())
                    })?;
                    round_rows::respond(conn, &vote.id, response, user, at)?;
                }
                round_rows::close(conn, &round.id, "consensus", Some(answer), user, at)?;
            }
            Step::CloseWithoutConsensus(_) => {
                let round = round_rows::open_round(conn, request_id)?.ok_or_else(open)?;
                round_rows::close(conn, &round.id, "no_consensus_yet", None, user, at)?;
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> usize {
        text.matches(". ").count() + usize::from(text.ends_with('.'))
    }

    #[test]
    fn every_sample_reads_like_a_clarification() {
        for sample in SAMPLES {
            let n = sentences(sample.answer);
            assert!((2..=6).contains(&n), "{}: {n} sentences", sample.key);
            assert!(
                (20..=5_000).contains(&sample.question.chars().count()),
                "{}",
                sample.key
            );
            assert!(sample.clause.chars().count() <= 50, "{}", sample.key);
            assert!(sample.published_days_ago <= 730, "{}", sample.key);
        }
        let mut standards: Vec<_> = SAMPLES.iter().map(|s| s.standard).collect();
        standards.sort_unstable();
        standards.dedup();
        assert!(SAMPLES.len() >= 25 && standards.len() >= 5);
    }

    #[test]
    fn keys_and_questions_identify_one_request_each() {
        let plans = plans(chrono::Utc::now().naive_utc());
        let keys: std::collections::HashSet<_> = plans.iter().map(|p| p.key).collect();
        let questions: std::collections::HashSet<_> = plans.iter().map(|p| p.question).collect();
        assert_eq!(keys.len(), plans.len());
        assert_eq!(questions.len(), plans.len());
    }

    #[test]
    fn steps_are_in_order_and_in_the_past() {
        let now = chrono::Utc::now().naive_utc();
        for plan in plans(now) {
            let times: Vec<_> = plan.steps.iter().map(|(at, _)| *at).collect();
            assert!(times.is_sorted(), "{}", plan.key);
            assert!(times.last().unwrap() < &now, "{}", plan.key);
            assert!(
                times.first().unwrap() > &(now - TimeDelta::days(830)),
                "{}",
                plan.key
            );
        }
    }

    #[test]
    fn every_submitter_address_parses() {
        for who in &SUBMITTERS {
            assert!(EmailAddress::parse(who.email).is_ok(), "{}", who.email);
            assert!(crate::domain::submission::country(who.country).is_some());
        }
    }
}
