## The administration (/admin): the secretariat's registry pages.

## Words shared by the registry's pages
admin-registry = Registry
admin-secretariat = Secretariat
admin-breadcrumb = Breadcrumb
admin-cancel = Cancel
admin-moment = { $date }, { $time } UTC
admin-name = Name
admin-full-name = Full name
admin-email = E-mail address
admin-status = Status
admin-action = Action
admin-yes = Yes
admin-no = No
admin-none = None
admin-never = Never
admin-you = You
admin-edit = Edit
admin-code = Code
admin-group = Group
admin-address = Address
admin-contact-address = Contact address
admin-deactivated = Deactivated
admin-invited = Invited
admin-active = Active
admin-deactivate = Deactivate
admin-reactivate = Reactivate
admin-role-member = Member
admin-role-convenor = Convenor
admin-role-member-lower = member
admin-role-convenor-lower = convenor
admin-capacity-expert = Expert
admin-capacity-observer = Observer
admin-capacity-liaison = Liaison
admin-capacity-observer-lower = observer
admin-capacity-liaison-lower = liaison
admin-kind-member-body = ISO member body
admin-kind-liaison = Liaison organisation

## The registry's index
admin-groups = Maintenance groups
admin-organisations = Organisations
admin-consultation = Liaison consultation
admin-committees = External committees
admin-accounts = Accounts
admin-mail = Mail delivery
admin-webhooks = Webhooks
admin-stats = Statistics
admin-index-lede =
    The standards handled here, the maintenance groups that answer for them, the other
    committees requests are referred to, and who may sign in.
admin-index-standards = Add a standard or a new edition that supersedes the old one; change a title or the responsible group.
admin-index-groups = Add a group; add its convenors and members, set who nominated them, in what capacity and for how long; set its closing rules.
admin-index-organisations = The ISO member bodies and liaison organisations that nominate group members, and their contact addresses.
admin-index-consultation = The liaisons consulted on every decided answer before it is published, and the addresses their review links go to.
admin-index-committees = The committees that own other standards, their contact for referrals and the designations they own.
admin-index-accounts = Invite people, see who belongs to which group, deactivate and reactivate accounts.
admin-index-mail = Messages waiting to be sent, and those that failed with the reason, to try again.
admin-index-webhooks = Receivers told of every publication, correction and mark, their signing secrets and what each delivery gave.
admin-index-stats = Requests by state, standard and month, days to publication and the share accepted at screening.

## Accounts
admin-users-lede =
    Everyone who can sign in. Accounts are never deleted, so the history of every request
    keeps the names of those who acted on it; deactivate an account instead.
admin-invite = Invite someone
admin-users-find = Find an account by name or e-mail address
admin-users-all = All accounts ({ $count })
admin-users-matching = Accounts matching “{ $words }” ({ $count })
admin-users-none = There is no account yet.
admin-users-none-match = No account matches “{ $words }”.
admin-users-show-all = Show every account
admin-paging-account = account
admin-paging-accounts = accounts
admin-users-groups = Groups
admin-users-last-sign-in = Last sign-in
admin-users-pages = Pages of accounts
admin-invite-lede =
    We create the account and mail its owner a link, valid for 7 days, to choose a password.
    Nobody else ever sees the password.
admin-invite-email-hint = The invitation goes here; it is also the address they sign in with.
admin-invite-secretariat = Member of the secretariat
admin-invite-secretariat-hint = The secretariat screens and publishes requests and manages this registry.
admin-invite-group-hint = Optional: the group this person joins, and in which role. More groups can be added from each group's page.
admin-invite-no-group = No group
admin-invite-role = Role in the group
admin-invite-role-hint = Used only when a group is chosen.
admin-invite-sponsor = Sponsor account
admin-invite-sponsor-hint = Optional, for someone at a member body or liaison: they submit requests already endorsed by it, follow its requests and endorse those addressed to it. Leave the secretariat and the group empty.
admin-invite-sponsor-label = Member body or liaison
admin-invite-send = Send the invitation

## External committees
admin-committees-lede-before = Committees that own standards outside this registry. Requests about their standards are referred to them, and
admin-committees-lede-after = tells visitors where to ask.
admin-committee-add-short = Add a committee
admin-committees-all = All committees ({ $count })
admin-committee-owns = Standards it owns
admin-none-listed = None listed
admin-committee-add = Add an external committee
admin-committee-edit = Edit { $code }
admin-committee-lede-before = A request about one of this committee's standards is referred to it: the submitter receives the contact below, and
admin-committee-lede-after = names the committee to anyone who asks.
admin-committee-code-hint = For example ISO/TC 176 or ISO/IEC JTC 1/SC 27.
admin-committee-name-hint = For example: Quality management and quality assurance.
admin-committee-contact = Contact for referrals
admin-committee-contact-hint = Plain sentences sent to a submitter whose request is referred: who answers, and how to reach them.
admin-committee-url = Public page
admin-committee-url-hint = The committee's page, starting with https://.
admin-committee-owns-hint = One designation per line, without the edition year, for example ISO 9001. A designation listed by another committee moves to this one.
admin-committee-add-button = Add the committee
admin-committee-save = Save the committee

## The confirmation of what cannot be undone
admin-confirm-deactivate = Deactivate { $name }?
admin-confirm-deactivate-consequence = { $name } is signed out at once and can no longer sign in. Their memberships and their name in the history of every request stay; you can reactivate the account later.
admin-confirm-deactivate-button = Deactivate { $name }
admin-confirm-remove-member = Remove { $name } from { $group }?
admin-confirm-remove-member-consequence = { $name }'s membership of { $group } ends at once: they no longer vote in its rounds or see its requests. Their past votes and comments stay on record, and so does their account.
admin-confirm-remove-member-button = Remove { $name } from { $group }
admin-confirm-remove-webhook = Remove the webhook endpoint { $url }?
admin-confirm-remove-webhook-consequence = Nothing more is sent to { $url }: the deliveries waiting for it are dropped and its delivery log is deleted. To stop deliveries for a while instead, turn the endpoint off.
admin-confirm-remove-webhook-button = Remove the endpoint
admin-confirm-renew-secret = Give { $url } a new signing secret?
admin-confirm-renew-secret-consequence = The current secret stops working at once: from now on every delivery to { $url }, retries included, is signed with the new one, shown to you once on the next page. Deliveries fail the receiver's check until it has the new secret.
admin-confirm-renew-secret-button = Make a new secret

## The terms of a membership
admin-role = Role
admin-role-hint = The convenor opens and closes rounds and records the decision; members comment, and vote as their capacity says.
admin-capacity = Capacity
admin-capacity-hint = An expert votes. An observer reads and comments. A liaison represents a liaison organisation: reads and comments, and votes only where the group's closing rules let liaisons vote.
admin-nominated-by = Nominated by
admin-nominated-by-hint = The ISO member body that nominated this expert or observer, or the liaison organisation a liaison represents. None for the secretariat's own staff.
admin-member-bodies-by-country = Member bodies, by country
admin-liaison-organisations = Liaison organisations
admin-member-from = Member from
admin-member-from-hint = The first day they sit in the group, as 2027-01-31. They vote in rounds opened from that day.
admin-member-until = Member until
admin-member-until-hint = The first day they no longer sit, after the start; empty while their nomination runs.
admin-declared-interests = Declared interests
admin-interests-hint = What they declared that could bear on their votes: employers, clients, accreditations held. Shown beside their vote.

## A maintenance group's page and a member's
admin-group-members = Members ({ $count })
admin-group-no-members = This group has no members yet. Add its convenor first.
admin-group-members-note = A member's name leads to the terms of their membership, where they are changed, and to removing them from the group.
admin-group-members-of = Members of { $group }
admin-term = Term
admin-term-from = from { $date }
admin-term-until = until { $date }
admin-term-ended = Ended
admin-term-not-started = Not started
admin-none-declared = None declared
admin-rules = Closing rules
admin-rules-lede =
    The convenor may record consensus only once enough of the round's voters have voted:
    at least the share and at least the number below. A decision whose text changed editorially, or taken at a
    meeting, stands once its objection period has passed without objection.
admin-rules-quorum-percent = Quorum, as a percentage of the voters
admin-rules-quorum-percent-hint = A whole number from 0 to 100; 50 means at least half of the round's voters.
admin-rules-quorum-minimum = Quorum, as a number of voters
admin-rules-quorum-minimum-hint = At least 1; with 2, one person alone never makes a consensus.
admin-rules-liaisons-vote = Liaisons vote
admin-rules-liaisons-vote-hint = When ticked, members in liaison capacity are among the voters of rounds opened from now on.
admin-rules-objection-days = Days to object to an editorial change
admin-rules-objection-days-hint = From 1 to 365: how long voters have to object when the agreed text differs editorially from the voted one.
admin-rules-meeting-days = Days to object to a meeting's decision
admin-rules-meeting-days-hint = From 1 to 365: how long members who did not attend have to object.
admin-rules-save = Save the closing rules
admin-group-add-member = Add a member
admin-group-no-candidates = Every active account is already a member of this group.
admin-group-no-candidates-after = to add a new person.
admin-person = Person
admin-person-hint = Active accounts that are not yet in this group. To add someone without an account, invite them.
admin-person-choose = Choose a person
admin-group-add-to = Add to { $group }
admin-membership-of = Membership of { $group }
admin-membership-save = Save the membership
admin-membership-remove-from = Remove from { $group }
admin-membership-remove-note =
    When a nomination ends, an end date above keeps the membership on record. Removing someone ends their
    membership at once; their past votes and comments stay on record, and so does their account.

## The maintenance groups
admin-groups-lede =
    The groups that answer clarification requests, each with a convenor who runs its rounds
    and members who vote.
admin-groups-add = Add a group
admin-groups-find = Find a group by code or name
admin-groups-all = All groups ({ $count })
admin-groups-matching = Groups matching “{ $words }” ({ $count })
admin-groups-none = There is no group yet.
admin-groups-none-match = No group matches “{ $words }”.
admin-groups-show-all = Show every group
admin-paging-group = group
admin-paging-groups = groups
admin-groups-members = Members
admin-groups-standards = Standards in force
admin-groups-no-convenor = No convenor
admin-groups-pages = Pages of groups

## Organisations
admin-acronym = Acronym
admin-country = Country
admin-none-yet = None yet
admin-organisations-lede =
    The ISO member bodies and liaison organisations that nominate the members of the
    maintenance groups. Member bodies nominate experts and observers; a liaison organisation's representatives sit
    as liaisons. The contact address is where clarification requests for the organisation go.
admin-organisations-add = Add an organisation
admin-organisations-find = Find an organisation by acronym, name or country
admin-organisations-none = There is no organisation in the registry yet.
admin-organisations-none-match = None of the { $total } organisations matches “{ $words }”.
admin-organisations-show-all = Show every organisation
admin-organisations-of-total = , of { $total } in the registry.
admin-paging-organisation = organisation
admin-paging-organisations = organisations
admin-organisations-member-bodies = Member bodies ({ $count })
admin-organisations-liaisons = Liaison organisations ({ $count })
admin-organisations-no-member-body = No member body is in the registry.
admin-organisations-no-member-body-matches = No member body matches.
admin-organisations-no-liaison = No liaison organisation is in the registry.
admin-organisations-no-liaison-matches = No liaison organisation matches.
admin-organisations-pages = Pages of organisations
admin-organisation-seeded-before = The acronym, name and country of an organisation of the shipped list follow
admin-organisation-seeded-middle = each time
admin-organisation-seeded-after = runs; its contact address is kept here and seeding never changes it.
admin-organisation-contact-edit-hint = Where clarification requests for this organisation go. Leave it empty to remove it.
admin-organisation-save = Save the contact address
admin-organisation-new-before = For a member body or liaison organisation the shipped list lacks. Better still, add it to
admin-organisation-new-middle = , so that every installation gets it:
admin-organisation-new-after = then keeps this one, matched on its acronym, in line with the file.
admin-organisation-kind = Kind
admin-organisation-kind-hint = An ISO member body is the national standards body of one country; a liaison organisation is international.
admin-organisation-acronym-hint = As ISO lists it, for example AFNOR or ILAC.
admin-organisation-country-hint = For a member body: the two-letter code of ISO 3166, for example FR. Empty for a liaison organisation.
admin-organisation-contact-hint = Where clarification requests for this organisation go.
admin-organisation-add-button = Add the organisation

## Liaison consultation
admin-remove = Remove
admin-consultation-lede =
    When a maintenance group decides an answer, each liaison listed here is mailed, at each of its
    addresses, a private link to review it. A clarification is published only once the { $days } days of the consultation
    have passed or every liaison has answered, and once each liaison's comments have a response. With no liaison listed,
    a decided answer may be published at once.
admin-consultation-consulted = Consulted liaisons
admin-consultation-none = No liaison is consulted: decided answers may be published at once.
admin-consultation-add = Consult a liaison at an address
admin-consultation-organisation-hint = The liaison organisations of the registry; add one under Organisations first if it is missing.
admin-consultation-choose = Choose a liaison
admin-consultation-email-hint = Where its review links go. Add more than one address for a liaison to reach several people.
admin-consultation-add-button = Add the address

## Mail delivery
admin-find = Find
admin-attempts = Attempts
admin-mail-lede =
    A message waits here until it is delivered. Failed attempts are retried with growing
    pauses for 24 hours; after that the message is given up. Once delivered or given up, only its subject, its
    outcome and a fingerprint of the address are kept: its text and the address itself are erased.
admin-mail-no-server-before = No mail server is set: messages are written as files into the
admin-mail-no-server-middle = folder of the data directory and reach nobody. Set
admin-mail-no-server-after = to your mail server and restart.
admin-mail-outbox = Outbox
admin-mail-waiting = Waiting
admin-mail-failed = Failed
admin-mail-delivered = Delivered
admin-mail-find-sent = Find the mail sent to an address
admin-mail-to = Mail to { $address }
admin-mail-none-to = No message to this address is recorded.
admin-mail-outcome = Outcome
admin-mail-subject = Subject
admin-mail-last-error = Last error
admin-mail-recipient = To
admin-mail-queued = queued
admin-mail-delivered-at = delivered
admin-mail-undelivered = Not delivered ({ $count })
admin-mail-undelivered-matching = Not delivered, matching “{ $words }” ({ $count })
admin-mail-find = Find a message not delivered by recipient or subject
admin-mail-all-delivered = Everything has been delivered.
admin-mail-none-match = No message waiting or failed matches “{ $words }”.
admin-mail-show-all = Show every message not delivered
admin-paging-undelivered = messages not delivered
admin-paging-message = message
admin-paging-messages = messages
admin-mail-erased = erased (fingerprint { $fingerprint })
admin-mail-pages = Pages of messages not delivered

## Webhooks
admin-since = since
admin-on-day = on
admin-webhooks-lede = { $days ->
    [one] Each endpoint receives a signed JSON message (Standard Webhooks) when a clarification is published, corrected, marked superseded or incorporated, or withdrawn. A failed delivery is tried again with growing pauses; an endpoint whose deliveries fail for { $days } day is turned off and the secretariat is mailed.
   *[other] Each endpoint receives a signed JSON message (Standard Webhooks) when a clarification is published, corrected, marked superseded or incorporated, or withdrawn. A failed delivery is tried again with growing pauses; an endpoint whose deliveries fail for { $days } days is turned off and the secretariat is mailed.
}
admin-webhooks-lede-docs = How a receiver checks the signature is in
admin-webhooks-endpoints = Endpoints ({ $count })
admin-webhooks-none = No endpoint yet: nothing is sent.
admin-webhooks-events = Events
admin-webhooks-state = State
admin-webhooks-add = Add an endpoint
admin-webhooks-url-hint = Where deliveries are posted, starting with https://.
admin-webhooks-description = Description
admin-webhooks-description-hint = Whose receiver it is, for you to recognise it (optional).
admin-webhooks-events-to-send = Events to send
admin-webhooks-published = Published
admin-webhooks-corrected = Corrected (a new version)
admin-webhooks-marked = Marked superseded or incorporated
admin-webhooks-withdrawn = Withdrawn
admin-webhooks-add-button = Add the endpoint
admin-webhooks-off = Turned off
admin-webhooks-failing = Failing
admin-webhooks-on = On
admin-endpoint = Webhook endpoint
admin-endpoint-short = Endpoint
admin-endpoint-renewed = The endpoint has a new signing secret: every delivery from now on is signed with it.
admin-endpoint-added = The endpoint was added.
admin-endpoint-secret-once = Give its receiver this signing secret now: it is not shown again.
admin-endpoint-off-waiting = : events wait for it until it is turned on again.
admin-endpoint-failing-since = On; deliveries failing since
admin-endpoint-on = On.
admin-endpoint-created = Added
admin-endpoint-turn-off = Turn it off
admin-endpoint-turn-on = Turn it on again
admin-endpoint-new-secret = New signing secret…
admin-endpoint-remove = Remove…
admin-endpoint-deliveries = Deliveries
admin-endpoint-nothing-sent = Nothing was sent to this endpoint yet.
admin-endpoint-log-note = The latest { $count }, newest first. A failed delivery is tried again with growing pauses, ten times in about three days.
admin-endpoint-event = Event
admin-endpoint-last-response = Last response
admin-endpoint-last-attempt = Last attempt
admin-endpoint-given-up = Given up
admin-endpoint-next-try = next try
admin-endpoint-not-yet = not yet

## Statistics, and the words of their charts
admin-stats-lede =
    Where the requests stand, which standards they concern, how long an answer takes
    from confirmation to publication and how many requests pass screening.
admin-stats-computed-at = Figures computed on { $date } at { $time } UTC. They are computed again whenever a clarification is published and at least every hour.
admin-stats-none = No requests yet
admin-stats-none-note = The figures appear here once the first request is confirmed by its submitter.
admin-stats-in-brief = In brief
admin-stats-requests = Requests
admin-stats-open = Open
admin-stats-published = Published
admin-stats-closed = Closed
admin-stats-all = All
admin-stats-median-days = Median days to publication
admin-stats-accepted-at-screening = Accepted at screening
admin-stats-where = Where requests stand
admin-stats-by-state = Requests by state
admin-stats-state = State
admin-stats-all-requests = All requests
admin-stats-by-standard = Requests by standard
admin-stats-by-standard-note = The most requested standards; the others are added up in one row.
admin-stats-by-sponsor = Requests by sponsor
admin-stats-by-sponsor-note = Confirmed requests naming each member body or liaison as their sponsor, whatever it decided.
admin-stats-sponsor = Sponsor
admin-stats-per-month = Requests per month
admin-stats-per-month-note =
    Requests confirmed in each of the last twelve months, by where they stand today, and the share
    of those decided at screening that were accepted.
admin-stats-per-month-caption = Requests confirmed per month
admin-stats-per-month-chart = Requests confirmed per month, by where they stand now
admin-stats-month = Month
admin-stats-confirmed = Confirmed
admin-stats-accepted = Accepted
admin-stats-not-admissible = Not admissible
admin-stats-referred = Referred
admin-stats-duplicate = Duplicate
admin-stats-days-heading = Days from confirmation to publication
admin-stats-median-before = The median over every published clarification is
admin-stats-median-after = days; below, the median of those published in each month.
admin-stats-median-caption = Median days to publication, per month of publication
admin-stats-median-days-chart = Median days from confirmation to publication, per month of publication
admin-stats-median-days-column = Median days
admin-stats-days-unit = days
admin-stats-screening = Screening
admin-stats-screening-note = How screening ended for every request decided there: accepted for the maintenance group, or closed.
admin-stats-screening-decisions = Screening decisions
admin-stats-decision = Decision
admin-stats-decided = Decided
admin-stats-share-accepted = Share accepted
admin-stats-percent = { $percent }%
admin-stats-counting = How the figures are counted
admin-stats-counting-requests = Every request its submitter has confirmed. Requests still waiting for that confirmation are not counted anywhere.
admin-stats-samples = Sample requests
admin-stats-counting-samples = The samples loaded with the demonstration data are counted like any other request.
admin-stats-counting-samples-some = The samples loaded with the demonstration data are counted like any other request: { $samples } of the { $total } requests here are samples.
admin-stats-counting-open = Confirmed and neither published nor closed: in screening, awaiting the submitter, with the group, in a consensus round or decided.
admin-stats-days-to-publication = Days to publication
admin-stats-counting-days = Calendar days, hours included, from the submitter’s confirmation to publication.
admin-stats-counting-accepted =
    Of the requests the secretariat decided on at screening, the share accepted for the maintenance group.
    Requests closed at screening as not admissible, referred to another committee or as a duplicate count
    as not accepted; requests withdrawn or still being screened are left out. Months are those of
    confirmation.
admin-stats-computing = The figures are being computed
admin-stats-computing-note = The server computes them in the background once it has started, which takes a minute at most. Reload this page in a moment.
admin-chart-no-data = No data
admin-chart-tip = { $label }: { $value }
admin-chart-tip-series = { $label }, { $series }: { $value }
