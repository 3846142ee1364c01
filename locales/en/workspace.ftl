## The workspace: the queue, the list of requests, a request's page and
## its forms, rounds, appeals, corrections, the case file, and the banners
## after an action.

## Shared words
ws-my-queue = My queue
ws-all-requests = All requests
ws-registry = Registry
ws-breadcrumb = Breadcrumb
ws-note = Note
ws-none = None
ws-continue = Continue
ws-preview = Preview
ws-clause = Clause
ws-question = Question
ws-answer = Answer
ws-background = Background
ws-proposed-answer = Proposed answer
ws-comment = Comment
ws-request = Request
ws-state = State
ws-group = Group
ws-sponsor = Sponsor: { $sponsor }
ws-markdown-hint = Markdown: **bold**, lists, links.
ws-never-public = Never shown publicly.

## A request's page
ws-no-group = No group assigned
ws-case-file = Case file
ws-case-file-note = : the whole record, to print or as JSON
ws-public-page = The published clarification
ws-public-page-note = , as everyone reads it
ws-nothing-to-do = Nothing for you to do on this request now.
ws-hold-liaisons =
    Publication waits for the liaisons: { $silent ->
        [one] { $silent } of them has not answered
       *[other] { $silent } of them have not answered
    }, and their time runs until { $until }.
ws-hold-unresponded =
    Publication waits for a response to the comments of { $count ->
        [one] { $count } liaison
       *[other] { $count } liaisons
    }: record one below, or send the answer back to the group.
ws-screen-legend = What do you want to do?
ws-screen-accept = Accept it for a maintenance group
ws-screen-group = Group that will answer
ws-screen-group-hint = Its convenor and members are told by mail.
ws-screen-ask = Ask the submitter for more information
ws-screen-question = Your question
ws-screen-question-hint = The submitter has 30 days to reply; without a reply the request closes.
ws-screen-not-admissible = Close it as not admissible
ws-screen-reason = Reason
ws-inadmissible-specific = Specific situation or consultancy
ws-inadmissible-new = Proposes a new or changed requirement
ws-inadmissible-unclear = Unclear
ws-inadmissible-other = Other
ws-screen-note = Note to the submitter
ws-screen-confirm = Yes, close this request: the submitter is told it cannot be answered
ws-screen-confirm-hint = This ends the request; it cannot be reopened.
ws-screen-refer = Refer it to the committee owning the standard
ws-screen-committee = Committee
ws-screen-duplicate = Close it as a duplicate of a published clarification
ws-screen-duplicate-of = Published clarification
ws-screen-duplicate-hint = Its reference, like CR-2025-0012.
ws-screen-reassign = Reassign it to another group
ws-screen-new-group = New group
ws-similar = Similar requests on clause { $clause }
ws-similar-note = Open or published requests on the same standard and clause: check for a duplicate.
ws-draft-heading = Draft the answer
ws-draft-answer = Draft answer
ws-draft-hint = Markdown: **bold**, lists, links. State the intent; add no requirement.
ws-draft-preview = Preview: the draft as the group will read it
ws-deadline = Deadline
ws-circulate = Circulate for consensus
ws-meeting-heading = Record a decision taken at a meeting
ws-meeting-note =
    For an answer the group decided at a minuted meeting rather than by
    correspondence. The voting members who did not attend are mailed the answer
    and may object for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; without objection it goes to the secretariat for publication.
ws-meeting-date = Date of the meeting
ws-meeting-attendance = Who attended, and their position
ws-meeting-attendance-hint =
    The group's voting members today. Leave “Did not attend” for those absent;
    at least { $count } must have attended.
ws-did-not-attend = Did not attend
ws-minutes-reference = Minutes reference
ws-minutes-reference-optional = (or paste the minutes below)
ws-minutes-reference-hint = The minutes' document number or address.
ws-minutes = Minutes
ws-minutes-optional = (or give their reference above)
ws-meeting-answer = The answer decided
ws-meeting-answer-hint = Markdown. State the intent; add no requirement.
ws-meeting-submit = Record the decision
ws-vote-change = Change your vote
ws-vote-yours = Your vote
ws-vote-draft = The draft answer you vote on
ws-position = Position
ws-vote-comment-hint = Required when you oppose: say what must change.
ws-conflict = Conflict of interest
ws-conflict-flagged = You are flagged: { $reason }. Declare the conflict or confirm you have none before your vote is recorded.
ws-conflict-hint = If you have a conflict of interest on this request, declare it: your vote then counts as an abstention unless the convenor allows it.
ws-conflict-none = I have no conflict of interest on this request
ws-conflict-declare = I declare a conflict of interest
ws-conflict-note = What the conflict is (required when you declare one)
ws-vote-submit = Record my vote
ws-opposition-answer = Answer the opposition of { $name }
ws-opposition-yours = Your response to { $name }
ws-opposition-response = Response to the opposition of { $name }
ws-response-record = Record the response
ws-response-change = Change the response
ws-allow-counts = The vote of { $name } counts
ws-allow-heading = Allow the vote of { $name }?
ws-allow-declared = Declared: “{ $note }”. Until you allow it, the vote counts as an abstention.
ws-allow-reason = Why the vote of { $name } should count
ws-allow-change = Change the reason
ws-allow-submit = Let the vote count
ws-consensus-heading = Record consensus
ws-rules-met = The closing rules are met: { $voted } of { $eligible } voted, every opposition answered.
ws-not-yet = Not yet
ws-final-answer = Final answer
ws-final-answer-hint = The text the group voted on. If you change it, say how below: an editorial change is mailed to every voter, who may object; a substantive one opens a new round.
ws-final-difference = How the final answer differs from the voted text
ws-change-legend = If you changed the text
ws-change-editorial =
    Editorial: the wording, not the substance (the voters may object for { $days ->
        [one] { $days } day
       *[other] { $days } days
    })
ws-change-substantive = Substantive: a new round votes on the new text
ws-change-reason = Why the text changed
ws-change-reason-optional = (required for an editorial change)
ws-preview-difference = Preview the difference
ws-no-consensus-yet = Close without consensus
ws-no-consensus-yet-note = The round ends; the votes cast are kept in the record and the group works on a new draft.
ws-note-to-group = Note to the group
ws-no-consensus-yet-confirm = Yes, close the round without consensus
ws-close-round = Close the round
ws-object-meeting = Object to the meeting's decision
ws-object-meeting-note = You did not attend the meeting that decided this answer. If you cannot accept it, object by { $until }: the request goes back to the group.
ws-object-editorial = Object to the editorial change
ws-object-editorial-note = If the change alters the substance of what you voted on, object by { $until }: the request goes back to the group.
ws-object-why = Why you object
ws-object = Object
ws-no-consensus = No consensus possible
ws-no-consensus-note = The request closes without an answer and is kept for the next revision of the standard; the submitter is told.
ws-no-consensus-why = Why (the submitter reads this)
ws-no-consensus-confirm = Yes, close the request without an answer
ws-close-request = Close the request
ws-publish = Publish
ws-consider = Consider at the next revision of the standard
ws-preview-public = Preview the public page
ws-publish-submit = Publish the clarification
ws-send-back-heading = Send back to the group
ws-note-to-convenor = Note to the convenor
ws-send-back = Send back
ws-mark-heading = Mark the publication
ws-mark-note = The published answer is never edited; the mark and its note appear as a banner.
ws-mark-what = What changed
ws-mark-superseded = Superseded by a later clarification or edition
ws-mark-incorporated = Incorporated into a new edition
ws-mark-withdrawn = Withdrawn
ws-mark-successor = Superseded by clarification
ws-mark-successor-hint = Its reference, when a later clarification replaces this one; otherwise choose the edition below.
ws-mark-edition = New edition
ws-mark-edition-hint = The edition that superseded it, or that now includes it (then give the clause).
ws-mark-clause = Clause of the new edition
ws-mark = Mark
ws-correct-heading = Correct the publication
ws-correct-note = An editorial fix of the question or the answer, with a note, published as a new version; the earlier one keeps its address. A change of meaning is the group's to decide.
ws-correct-link = Write a corrected version
ws-comments = Internal comments
ws-comments-note = The group's discussion, seen by the group and the secretariat only.
ws-comment-add = Add a comment
ws-comment-submit = Add the comment
ws-aside = The request and its history
ws-the-request = The request
ws-edit-wording = Edit the public wording
ws-edit-wording-note = : what the published clarification will show
ws-submitter = Submitter
ws-submitter-hidden = Who asked is shown to the secretariat only.
ws-submitter-erased = Personal data erased.

## Why a request was closed
ws-closure-not-admissible = Not admissible
ws-closure-referred = Referred
ws-closure-duplicate = Duplicate
ws-closure-no-consensus = No consensus
ws-closure-withdrawn = Withdrawn
ws-closure-expired = No reply
ws-closure-corrected = Corrected
ws-closure-answered-locally = Answered by the sponsor
ws-closure-endorsement-declined = Endorsement declined
ws-closure-endorsement-expired = Endorsement expired

## Votes and conflicts of interest
ws-position-agree = Agree
ws-position-agree-with-comments = Agree, with comments
ws-position-oppose = Oppose (sustained opposition)
ws-position-abstain = Abstain
ws-flag-same-organisation = same organisation as the submitter
ws-flag-same-mail-domain = same e-mail domain as the submitter
ws-flag-declared-interests = declared interests

## Punctuation that French spaces differently
ws-colon = :
ws-because = , because

## A consensus round and its decision record
ws-unmet-deadline = The deadline has not passed: before { $deadline }, consensus can be recorded only once every eligible voter has voted, and { $voted } of { $eligible } have.
ws-unmet-never =
    This round can never reach its quorum: the group needs { $needed } votes and its voter list has only { $eligible ->
        [one] { $eligible } person
       *[other] { $eligible } people
    }. Close it without consensus; members added to the group since it opened cannot vote in this round, but they can in a new one.
ws-unmet-quorum = The quorum is not reached: { $voted } of { $eligible } eligible voters have voted, and the group needs at least { $needed }.
ws-unmet-oppositions = Consensus cannot be recorded while an opposition has no response: answer { $names }.
ws-difference-note = Struck through: words of the voted text taken out. Underlined: words put in.
ws-round-meeting = Decided at the meeting of { $date }
ws-round-open = Consensus round { $number }, open until { $date }
ws-round-closed = Consensus round { $number }, closed
ws-round-follows = This round votes on the text of round { $number } as the convenor changed it substantively; the votes of round { $number } do not count here.
ws-round-follows-why = This round votes on the text of round { $number } as the convenor changed it substantively ({ $reason }); the votes of round { $number } do not count here.
ws-tally = Tally
ws-participation-meeting =
    { $voted } of the group's { $eligible ->
        [one] { $eligible } voting member
       *[other] { $eligible } voting members
    } attended; the quorum is { $quorum }.
ws-participation =
    { $voted } of { $eligible ->
        [one] { $eligible } eligible voter has
       *[other] { $eligible } eligible voters have
    } voted; the quorum is { $quorum }.
ws-tally-by-body = Tally by nominating body
ws-nominated-by = Nominated by
ws-no-body = No nominating body
ws-votes = Votes
ws-voters-meeting = The group's voting members on the day of the meeting, { $date }
ws-voters-round = The voter list, fixed when the round opened on { $date }
ws-voter = Voter
ws-response-to-opposition = Response to the opposition
ws-capacity = Capacity
ws-capacity-expert = Expert
ws-capacity-observer = Observer
ws-capacity-liaison = Liaison
ws-convenor = Convenor
ws-convenor-lower = convenor
ws-counted-as = Counted as { $position }
ws-counted-as-lower = counted as { $position }
ws-not-voted = Not voted yet
ws-answers-earlier = Answers an earlier version
ws-no-response-yet = No response yet
ws-no-voters = Nobody was on the group's voter list when this round opened.
ws-decision-record = Decision record
ws-recorded = Recorded
ws-by = By { $name }
ws-taken-at = Taken at
ws-taken-at-meeting = The group's meeting of { $date }
ws-voter-list = Voter list
ws-voter-list-meeting =
    { $count ->
        [one] { $count } voting member
       *[other] { $count } voting members
    } of the group on the day of the meeting
ws-voter-list-round =
    { $count ->
        [one] { $count } eligible voter
       *[other] { $count } eligible voters
    }, fixed when the round opened on { $date }
ws-attended = Attended
ws-quorum = Quorum
ws-quorum-reached = Reached
ws-quorum-not-reached = Not reached
ws-quorum-attended = { $voted } of { $eligible } attended, { $needed } needed
ws-quorum-voted = { $voted } of { $eligible } voted, { $needed } needed
ws-minutes-text = The minutes' text
ws-oppositions = Oppositions
ws-oppositions-meeting =
    { $count }, sustained at the meeting: the minutes record how the group dealt with { $count ->
        [one] it
       *[other] them
    }
ws-oppositions-round = { $count }, each with the convenor's response in the voter list above
ws-convenor-vote = The convenor's vote
ws-did-not-vote = did not vote
ws-convenor-not-voter = The convenor was not on the voter list
ws-conflicts = Conflicts of interest
ws-conflicts-none = None flagged or declared
ws-agreed-text = The agreed text
ws-agreed-editorial = Changed editorially from the voted text
ws-agreed-substantive = Changed substantively: a new round votes on the new text
ws-agreed-unchanged = The voted text, unchanged
ws-voted-text = The voted text
ws-the-difference = The difference
ws-objections = Objections
ws-objection-upheld = The decision did not stand: the request went back to the group.
ws-objection-open-meeting = Open to objection by the voting members who did not attend until { $until }
ws-objection-open = Open to objection by the voters until { $until }
ws-objection-none = None by { $until }: the decision stood
ws-flagged = Flagged
ws-none-declared = None declared
ws-conflict-unanswered = Not answered yet: no vote before a declaration or a confirmation of no conflict.
ws-conflict-cleared = Confirmed no conflict of interest.
ws-conflict-declared = Declared a conflict
ws-conflict-allowed = The vote counts as cast: allowed by { $name }
ws-conflict-abstention = The vote counts as an abstention unless the convenor allows it.

## The liaison consultation
ws-consultation = Liaison consultation
ws-consultation-open = The answer is with the liaisons until { $until }.
ws-consultation-sent-back = Ended on { $date }: the answer was sent back to the group.
ws-consultation-ended = Opened on { $opened }; the liaisons' time ended on { $ended } or every liaison answered.
ws-liaison-no-answer = no answer yet
ws-liaison-comments = comments
ws-liaison-no-objection = no objection
ws-liaison-response = The response
ws-liaison-response-label = Response to these comments
ws-liaison-response-hint = Recorded with the decision and shown to the liaison. To change the answer instead, send it back to the group.

## Follow-ups
ws-follows-reconsideration = Reconsideration of
ws-follows-correction = Correction of
ws-follows-information = New information on
ws-follow-up-reasons = The submitter's reasons
ws-follow-up-changes = What the correction changes
ws-follow-up-sent = The information sent
ws-original-summary = { $reference } as it stands: { $state }
ws-original-history = , with its history
ws-closing-note = Closing note
ws-history-of = History of { $reference }
ws-followed-by = Reconsiderations and new information
ws-follow-up-reconsideration = Reconsideration
ws-follow-up-correction = Correction
ws-follow-up-information = New information
ws-follow-up-reconsideration-lodged = Reconsideration requested:
ws-follow-up-correction-lodged = Correction proposed to the group:
ws-follow-up-information-lodged = New information received:
ws-follow-up-revised = answer revised, see
ws-follow-up-is-revised = the answer is revised
ws-follow-up-stands = the decision stands
ws-follow-up-event-stands = decision stands

## The timeline and comments
ws-timeline = Timeline
ws-received = Received
ws-actor-submitter = The submitter
ws-actor-sponsor = The sponsor
ws-actor-for-sponsor = { $name }, for the sponsor
ws-actor-someone = Someone
ws-wording-difference-note = Struck through: the wording taken out. Underlined: the wording put in.
ws-no-comment = No comment yet.
ws-submitted-wording = As the submitter wrote it
ws-submitted-wording-note = The public wording was edited; this is what the submitter sent, kept in the record and never published.

## Appeals
ws-appeals = Appeals
ws-appeal-number = Appeal { $number }
ws-from = from
ws-received-on = received { $date }
ws-overdue = Overdue
ws-appeal-due-acknowledge = acknowledge by { $date }
ws-appeal-due-refer = refer for consideration by { $date }
ws-appeal-due-decide = decide by { $date }
ws-appeal-lodge = Lodge an appeal
ws-appeal-lodge-note = received against this decision
ws-appeal-step-lodged = Lodged: to acknowledge
ws-appeal-step-acknowledged = Acknowledged: to refer for consideration
ws-appeal-step-considering = Under consideration
ws-appeal-step-conciliation = In conciliation
ws-appeal-step-upheld = Decided: the decision stands
ws-appeal-step-allowed = Allowed
ws-appealed-publication = the published clarification
ws-appealed-not-admissible = the closing of the request as not admissible
ws-appealed-no-consensus = the closing of the request without consensus
ws-appealed-duplicate = the closing of the request as a duplicate
ws-appealed-referral = the referral of the request to another committee
ws-appellant-erased = the submitter (name erased)
ws-appellant-address-erased = address erased after the retention period

## My queue
ws-queue-lede = { $name }: what waits for you, most urgent first.
ws-queue-lede-secretariat = { $name }, secretariat: what waits for you, most urgent first.
ws-sponsor-notice = You speak for { $sponsor }:
ws-sponsor-link = { $sponsor }'s requests, and those awaiting its decision
ws-setup-heading = Before requests can flow
ws-setup-lede = A new installation needs these three things. This list goes away once all are done.
ws-setup-done = Done
ws-setup-to-do = To do
ws-setup-convenors = Invite convenors.
ws-setup-convenors-done = Every group that answers for a standard in force has a convenor.
ws-setup-convenors-to-do =
    { $count ->
        [one] { $count } group that answers for a standard in force has no convenor yet
       *[other] { $count } groups that answer for a standard in force have no convenor yet
    }, so requests on their standards cannot be accepted.
ws-setup-invite = Invite a convenor
ws-setup-invite-or = , or make a member convenor on the group's page.
ws-setup-registry = Check the registry.
ws-setup-registry-done = The standards, their groups and the committees for referrals were checked.
ws-setup-registry-to-do = The standards, the groups responsible for them and the committees requests are referred to come with the installation.
ws-setup-registry-review = Review the registry
ws-setup-registry-confirm = , then confirm it is right.
ws-setup-registry-right = The registry is right
ws-setup-mail = Set the mail server.
ws-setup-mail-done = Mail goes to the server in
ws-setup-mail-to-do = Mail is written as files into the data directory and reaches nobody: set
ws-setup-mail-to-do-end = { " " }to your mail server and restart.
ws-setup-mail-waiting = See the mail waiting
ws-waiting-for-you = Waiting for you
ws-queue-bad-page = Pages of the queue are numbered from 1.
ws-first-page = See the first page
ws-queue-empty = Nothing waits for you. New work arrives here and by e-mail.
ws-queue-pages =
    Your queue has { $count ->
        [one] only 1 page
       *[other] only { $count } pages
    }.
ws-last-page = Go to the last page
ws-queue-page-of = Page { $page } of { $pages }, { $per } a page.
ws-queue-pages-label = Pages of the queue
ws-previous = Previous
ws-next = Next
ws-task-screen = Screen new requests
ws-task-screen-reply = Screen again after a reply
ws-task-reply-due-soon = Replies due soon
ws-task-publish = Publish or send back
ws-task-with-liaisons = With the liaisons
ws-task-respond-to-liaisons = Respond to liaisons' comments
ws-task-round-overdue = Rounds past their deadline
ws-task-open-round = Draft an answer and open a round
ws-task-answer-oppositions = Answer oppositions
ws-task-close-rounds = Close rounds
ws-task-no-quorum = Rounds without quorum
ws-task-vote = Vote
ws-task-open-to-objection = Open to your objection
ws-task-appoint-convenor = Appoint a convenor
ws-to-do = To do
ws-waiting = Waiting
ws-item-screen = Screen
ws-item-screen-reply = Reply received: screen again
ws-item-reply-due-soon = Waiting for the submitter; closes soon
ws-item-with-liaisons = The answer is with the liaisons
ws-item-with-liaisons-until = The answer is with the liaisons until { $date }
ws-item-respond-to-liaisons = Respond to the liaisons' comments, or send back
ws-item-round-overdue = Round past its deadline
ws-item-close-overdue = Deadline passed: close the round
ws-item-close-all-in = Every vote is in: close the round
ws-item-no-quorum = Deadline passed without quorum: close without consensus
ws-item-vote = Vote on the draft answer
ws-item-objection-until = Open to your objection until { $date }
ws-item-no-convenor = has no convenor: appoint one
ws-item-appeal = Next step of the appeal
ws-item-due-by = due by { $date }
ws-late = { $age } late
ws-due-in = due in { $age }
ws-age-under-an-hour = less than an hour
ws-age-under-a-day = less than a day
ws-age-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
ws-age-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
ws-unconvened = Groups without a convenor
ws-unconvened-note = No request can be accepted for these groups until each has a convenor, and a member who votes.
ws-answers-for = answers for { $standards }
ws-by-state = Requests by state

## All requests
ws-requests = Requests
ws-requests-lede = Every request you may read: those of your groups. Filter, search and sort them; each address keeps its filters.
ws-requests-lede-secretariat = Every request you may read. Filter, search and sort them; each address keeps its filters.
ws-find-requests = Find requests
ws-search-label = Words from the question, background or comments, or a reference
ws-search-placeholder = e.g. CR-2026-0012, impartiality
ws-filter-summary = Filter by state, group, standard, clause, date or whom it waits on
ws-any-state = Any state
ws-any-group = Any of your groups
ws-all-standards = All standards
ws-clause-hint = 7.2 also finds 7.2.1
ws-submitted-from = Submitted from
ws-date-hint = A date such as 2026-01-31
ws-submitted-until = Submitted until
ws-day-included = This day included
ws-waiting-on = Waiting on
ws-optional = (optional)
ws-waiting-anyone = Anyone
ws-waiting-me = Me: in my queue
ws-waiting-group = My group
ws-waiting-secretariat = The secretariat
ws-waiting-submitter = The submitter
ws-order = Order
ws-sort-newest = Newest first
ws-sort-oldest = Oldest first
ws-sort-reference = By reference
ws-sort-changed = Last changed first
ws-apply-filters = Apply the filters
ws-clear-filters = Clear the filters
ws-results = Results
ws-in-no-group = You are not a member of any maintenance group, so there are no requests for you to read. The secretariat adds people to groups; ask it if you should be in one.
ws-correct-filters = Correct the filters above to see the list.
ws-no-match = No request matches these filters.
ws-see-every-request = See every request
ws-no-request-yet = There is no request yet. New requests appear here once their submitters confirm them.
ws-list-pages =
    There { $count ->
        [one] is only 1 page
       *[other] are only { $count } pages
    } of requests.
ws-sorted-newest = newest first
ws-sorted-oldest = oldest first
ws-sorted-reference = by reference
ws-sorted-changed = last changed first
ws-list-summary =
    { $count ->
        [one] 1 request
       *[other] { $count } requests
    }, { $order }.
ws-list-summary-range =
    { $count ->
        [one] 1 request
       *[other] { $count } requests
    }, showing { $first }–{ $last }, { $order }.
ws-requests-caption = Requests, page { $page } of { $pages }
ws-submitted = Submitted
ws-last-change = Last change
ws-list-pages-label = Pages of requests

## The banner after an action
ws-done-accepted = Accepted for { $group }; the convenor has been told.
ws-done-asked = Your question was sent to the submitter; the request waits for their reply.
ws-done-not-admissible = Closed as not admissible; the submitter has been told why.
ws-done-referred = Referred to the other committee; the submitter has been told where to ask.
ws-done-duplicate = Closed as already answered; the submitter has been sent the published clarification.
ws-done-reassigned = Reassigned to { $group }; its members have been told.
ws-done-wording-edited = The public wording was saved; the submitter's own stays in the record.
ws-done-wording-edited-moved = The public wording was saved; the submitter's own stays in the record. The new standard is answered by { $group }: the request moved there, and its members have been told.
ws-done-commented = Your comment was added.
ws-done-round-opened = The round is open; the voters have been told.
ws-done-voted = Your vote was recorded.
ws-done-answered = Your answer to the opposition was recorded.
ws-done-consensus = Consensus recorded; the voters have been told, and the answer is ready to publish.
ws-done-no-consensus-yet = The round was closed without consensus; the group has been told.
ws-done-no-consensus = Closed without consensus; the submitter and the group have been told.
ws-done-published = Published; the submitter and the followers of the standard have been told.
ws-done-sent-back = Sent back to the group; its members have been told.
ws-done-liaison-responded = The response to the liaison's comments was recorded.
ws-done-liaison-address-added = The address was added: the liaison is consulted on every decision from now on.
ws-done-liaison-address-removed = The address was removed.
ws-done-liaison-answered = Thank you: your answer was recorded and the secretariat can read it.
ws-done-marked = The mark was recorded; the followers of the standard have been told.
ws-done-objected = Your objection was recorded; the convenor and the secretariat have been told.
ws-done-meeting-recorded = The meeting's decision was recorded; the voting members who did not attend have been told and may object.
ws-done-vote-allowed = The vote now counts as cast; the reason is kept in the decision record.
ws-done-corrected = Version { $version } is published; the earlier one keeps its address, and the followers of the standard have been told.
ws-done-correction-proposed = The correction is request { $reference }, in screening: accept it for the group, which decides it; its answer will be published as the clarification's next version.
ws-done-appeal-lodged = The appeal was lodged; the appellant and the group have been told.
ws-done-appeal-step = The appeal's step was recorded; the appellant and the group have been told.
ws-done-appeal-notice-public = The public pages now say the decision is under appeal.
ws-done-appeal-notice-withdrawn = The public pages no longer mention the appeal.
ws-done-standard-added = The standard was added.
ws-done-edition-added = The new edition was added; the edition it replaces is now listed as superseded.
ws-done-standard-saved = The standard was saved.
ws-done-group-added = The group was added. Add its convenor and members from its page.
ws-done-member-added = The member was added.
ws-done-membership-saved = The membership was saved.
ws-done-rules-saved = The closing rules were saved.
ws-done-member-removed = The member was removed from the group. Their past votes and comments stay on record.
ws-done-organisation-added = The organisation was added.
ws-done-organisation-saved = The contact address was saved.
ws-done-committee-added =
    The committee was added.{ $moved ->
        [0] {""}
        [one] {" "}One designation moved to it from another committee.
       *[other] {" "}{ $moved } designations moved to it from other committees.
    }
ws-done-committee-saved =
    The committee was saved.{ $moved ->
        [0] {""}
        [one] {" "}One designation moved to it from another committee.
       *[other] {" "}{ $moved } designations moved to it from other committees.
    }
ws-done-sponsor-endorsed = You endorsed { $reference }: it goes to the secretariat for screening, and the submitter is told.
ws-done-sponsor-answered = Your answer to { $reference } was sent to the submitter, with a copy to the secretariat, and the request is closed.
ws-done-sponsor-declined = You declined { $reference }: the submitter is told your reason, and the request is closed.
ws-done-user-invited = The invitation was sent. The account becomes usable once its owner chooses a password.
ws-done-user-deactivated = The account was deactivated and its sessions ended. Its name stays on everything it did.
ws-done-user-reactivated = The account was reactivated. Its owner can sign in again.
ws-done-webhook-enabled = The endpoint is on again; what waited for it is being sent.
ws-done-webhook-disabled = The endpoint is off; events wait for it until you turn it on again.
ws-done-webhook-removed = The endpoint was removed with its delivery log; nothing more is sent to it.
ws-done-registry-checked = The registry was marked as checked.
ws-done-request-sent = Request sent — reference { $reference }. Keep this page’s address to follow it.
ws-done-replied = Your reply was sent to the secretariat.
ws-done-withdrawn = Your request was withdrawn.
ws-done-first-account = Your secretariat account is ready and you are signed in. The setup link no longer works; a confirmation was sent to your address.
ws-done-signed-out = You are signed out.
ws-done-password-set = Your new password is set. Sign in with it.
ws-done-reconsideration-asked = Your request for reconsideration is sent — reference { $reference }. This page follows it; keep its address.

## The case file
ws-compiled = compiled { $at }
ws-case-lede = The complete record of this request, every round included, for an appeal panel or an audit.
ws-case-json = The same record as JSON
ws-sponsor-label = Sponsor
ws-shown-to-secretariat = Shown to the secretariat only
ws-erased = Personal data erased
ws-erased-on = Personal data erased on { $date }
ws-confirmed = Confirmed
ws-decided = Decided
ws-published = Published
ws-to-consider = , to be considered at the next revision
ws-closed = Closed
ws-the-answer = The answer
ws-no-round = No consensus round was opened on this request.
ws-follow-ups = Follow-ups
ws-no-follow-ups = None: this request follows no other, and none follows it.
ws-versions = Versions
ws-never-corrected = Never corrected: the publication is version 1.
ws-not-published = Not published.
ws-version = Version { $number }
ws-change = Change
ws-correction-editorial = Editorial correction
ws-correction-substantive = Correction decided by the group
ws-first-publication = First publication
ws-issued-by = Issued by
ws-not-recorded = Not recorded
ws-standard-and-clause = Standard and clause
ws-appellant = Appellant
ws-against = Against
ws-acknowledge-by = To acknowledge by
ws-decide-by = To decide by
ws-grounds = Grounds
ws-no-appeal = No appeal was lodged against a decision on this request.
ws-consultations = Liaison consultations
ws-consultation-number = Consultation { $number }, opened on { $date }
ws-consultation-case-sent-back = The answer was sent back to the group on { $at }.
ws-consultation-case-ends = The liaisons' time ends on { $at }.
ws-consultation-case-ended = The liaisons' time ended on { $at }.
ws-no-answer = No answer.
ws-comments-label = Comments
ws-no-objection = No objection
ws-response-by = Response by { $name }
ws-someone = someone
ws-no-response-recorded = No response recorded.
ws-no-consultation = No liaison was consulted on this request's decisions.

## An appeal
ws-appeal-on = Appeal { $number } on { $reference }
ws-next-step-due = next step due by { $date }
ws-shown-publicly = Shown publicly
ws-not-done = That was not done
ws-typed-kept = What you typed is kept below: check the request as it is now, then send it again.
ws-appeal-next-step = The appeal's next step
ws-move-acknowledge = Acknowledge the appeal to the appellant
ws-move-consider = Refer it to { $body } for consideration
ws-move-conciliate = Take it to conciliation, as { $body } chose
ws-move-upheld = Decided: the appeal is not allowed, the decision stands
ws-move-back-to-group = Decided: the appeal is allowed, the request goes back to the group
ws-move-withdrawn = Decided: the appeal is allowed, the clarification is withdrawn
ws-move-superseded = Decided: the appeal is allowed, the clarification is superseded
ws-appeal-note-hint = Mailed to the appellant and the group, and kept in the case file. A decision needs its reasons.
ws-superseded-legend = When superseded: what replaces the clarification
ws-successor = The clarification that replaces it
ws-successor-hint = Its reference, such as CR-2026-0042; or choose the edition below.
ws-or-edition = Or the new edition
ws-no-edition = No edition
ws-its-clause = Its clause
ws-record-step = Record the step
ws-the-appeal = The appeal
ws-kind-member-body = member body
ws-kind-liaison = liaison
ws-kind-submitter = the submitter
ws-considered-by = Considered by
ws-steps = Steps
ws-appeal-notice = The appeal's notice
ws-public-notice = Public notice
ws-public-notice-label = Say publicly that the decision is under appeal
ws-public-notice-hint = On the public page of the clarification, or the submitter's page of the request; once decided, the outcome shows instead.
ws-save = Save
ws-back-to-request = Back to the request
ws-lodge-on = Lodge an appeal on { $reference }
ws-lodge-lede = Record an appeal received from a member body, a liaison organisation or the submitter against
ws-lodge-limits =
    It is to be acknowledged within { $acknowledge ->
        [one] { $acknowledge } day
       *[other] { $acknowledge } days
    } of its receipt and decided within { $decide ->
        [one] { $decide } day
       *[other] { $decide } days
    }, by { $body }. The appellant and the group are told of each step by mail.
ws-who-appeals = Who appeals
ws-appellant-member-body = A member body
ws-appellant-liaison = A liaison organisation
ws-appellant-submitter = The submitter of the request
ws-organisation = Organisation
ws-organisation-hint = For a member body or a liaison: the organisation of the registry that appeals.
ws-choose-organisation = Choose the organisation
ws-name = Name
ws-name-hint = The person who wrote the appeal.
ws-email = E-mail address
ws-email-hint = Where the appellant is told of each step.
ws-grounds-label = Grounds of the appeal
ws-grounds-hint = As the appellant states them; kept in the case file.
ws-date-received = Date received
ws-date-received-hint = The deadlines count from this day.
ws-public-notice-lodge-hint = The public page of the clarification, or the submitter's page of the request, then shows “under appeal since” the date received, and the outcome once decided. You can change this later.
ws-lodge-submit = Lodge the appeal
ws-cancel = Cancel

## Correcting a publication, and the previews
ws-correct-title = Correct { $reference }
ws-corrected-version = Corrected version
ws-version-in-force = version { $number } in force
ws-correct-heading-of = A corrected version of { $reference }
ws-correct-lede =
    Fix typing errors, wording or layout of the published question and answer. The
    clarification then shows the corrected text as version { $next }, with your note and the date;
    version { $current } keeps its own address, and the followers of the standard are told.
ws-meaning-title = A change of meaning is the group's to decide
ws-meaning-text =
    “Preview the corrected page” issues editorial fixes. If the correction would change what the
    clarification means, send it to the group instead: it becomes a request of its own, linked to this
    clarification, which you screen and the maintenance group decides by consensus, as it decided the answer;
    its decision is then published as the next version, with your note.
ws-as-published = As it is to be published.
ws-what-corrected = What was corrected
ws-what-corrected-hint = Shown publicly with the corrected version, in its feed entry and its data, and mailed to the followers of the standard.
ws-preview-corrected = Preview the corrected page
ws-send-to-group = Send to the group as a change of meaning
ws-preview-version-title = Preview of version { $number } of { $reference }
ws-preview-corrected-crumb = Preview of the corrected version
ws-preview-not-corrected = Preview: not corrected yet
ws-preview-corrected-text = This is the public page of { $reference } as everyone will read it once version { $number } is issued, dated today. Nothing changes, and nobody is told, until you issue it.
ws-issue-version = Issue version { $number }
ws-start-again = Start again
ws-preview-title = Preview of { $reference }
ws-preview-publish-crumb = Preview before publishing
ws-preview-not-published = Preview: not published yet
ws-preview-publish-text = This is the public page of { $reference } as everyone will read it once published, dated today. Nothing is public, and nobody is told, until you publish.

## The public wording
ws-wording-title = Public wording of { $reference }
ws-public-wording = Public wording
ws-wording-heading = The public wording of { $reference }
ws-wording-lede =
    The published clarification shows this standard, clause and question. Remove names
    and anything that identifies the submitter, correct the clause, or ask the question so that it can be answered
    yes or no. The submitter's own words stay in the record, and each change shows in the timeline word by word.
ws-wording-standard-hint = A standard answered by another maintenance group moves the request to that group, which is told.
ws-wording-clause-hint = For example 7.2.1 or Annex A.2.
ws-wording-question-hint = As it is to be published: about the intent of the requirement, answerable by yes or no where possible, with no names.
ws-wording-note = Why the wording changed
ws-wording-note-hint = Kept in the record with the change, for the group and an appeal panel.
ws-wording-submit = Save the public wording
ws-organisation-member-body = Member body: { $name }
ws-organisation-liaison = Liaison: { $name }

## Why an action on a request's page was refused
ws-refused-not-on-list = You are not on the voter list of this round: it was fixed when the round opened, with the group's voting members of that day. You may still comment.
ws-refused-cannot-close = Consensus cannot be recorded yet:
ws-refused-unclassified = The final answer differs from the text the group voted on. Say whether the change is editorial or substantive.
ws-refused-editorial-reason = Give the reason for the editorial change: it is kept in the record and mailed to every voter.
ws-refused-no-opposition = That vote is not an opposition in the open round.
ws-refused-objector-meeting = Only the group's voting members who did not attend the meeting may object to its decision.
ws-refused-objector = Only the voters of the round may object to its decision.
ws-refused-window-closed = The time to object ended on { $until }.
ws-refused-conflict-unanswered = Your vote is not recorded yet: you are flagged for a possible conflict of interest
ws-refused-conflict-unanswered-end = . Declare the conflict, with a note, or confirm you have none, then record your vote.
ws-refused-conflict-note = Say in a note what your conflict of interest is: it is kept in the decision record.
ws-refused-unknown-declaration = Choose whether you have a conflict of interest.
ws-refused-conflict-stands = You declared a conflict of interest in this round, and it stays in the record; you may reword its note. The convenor may allow your vote to count.
ws-refused-no-declared-conflict = That voter has declared no conflict of interest in the open round: their vote counts as cast already.
ws-refused-own-conflict = You cannot allow your own vote under a conflict you declared: it counts as an abstention.
ws-refused-allowance-reason = Give the reason for letting this vote count: it is kept in the decision record.
ws-refused-meeting = The decision of the meeting was not recorded:
ws-refused-consultation = The liaison consultation does not allow it.
ws-refused-no-convenor = { $group } has no convenor, so nobody would open a round on this request.
ws-refused-no-voter = { $group } has no member who may vote, so no round on this request could reach consensus.
ws-refused-add-one = Add one on
ws-refused-group-page = the page of { $group }
ws-refused-try-again = , then try again.
ws-meeting-no-date = Enter the date of the meeting.
ws-meeting-unreadable-date = Enter the date of the meeting as a date, like 2026-03-10.
ws-meeting-future-date = The meeting cannot be in the future: enter the day it was held.
ws-meeting-before-request = The meeting cannot have decided this request before it was received on { $date }.
ws-meeting-no-attendee = Say who attended: choose the position of at least one member.
ws-meeting-unknown-positions = Choose the position of each attendee from the list.
ws-meeting-unknown-position = Choose the position of { $name } from the list.
ws-meeting-someone-not-voter = Someone marked as attending was not a voting member of the group on the day of the meeting.
ws-meeting-not-voter = { $name } was not a voting member of the group on the day of the meeting.
ws-meeting-too-few =
    The group had { $eligible ->
        [one] { $eligible } voting member
       *[other] { $eligible } voting members
    } that day and needs { $needed } to decide: add members on the group's page first.
ws-meeting-no-quorum = The quorum is not reached: { $attended } of the group's { $eligible } voting members attended, and the group needs at least { $needed }.
ws-meeting-no-minutes = Give the minutes' reference, or paste the minutes.
ws-meeting-reference-too-long = Shorten the minutes reference to at most 500 characters.
ws-meeting-minutes-too-long = Shorten the minutes to at most 40,000 characters, or give their reference instead.
ws-meeting-no-answer = Write the answer the meeting decided.
ws-meeting-answer-too-long = Shorten the answer to at most 10,000 characters.

## What the record keeps as the system words it, in the installation's
## language: the summary of a mark on the timeline, the note of a banner
record-marked = { $what }: { $note }
record-superseded-by = Superseded by { $reference }
record-superseded-by-edition = Superseded by { $standard }
record-superseded-by-clause = Superseded by { $standard }, clause { $clause }
record-incorporated-into-edition = Incorporated into { $standard }
record-incorporated-into-clause = Incorporated into { $standard }, clause { $clause }
record-withdrawn = Withdrawn
record-revised-on-reconsideration = Answer revised on reconsideration: { $reference }.
record-revised-on-new-information = Answer revised on new information: { $reference }.
