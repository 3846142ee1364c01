# The lifecycle's words: states, why a request closed, what happened.

## A state's name, for badges and lists
state-pending-confirmation = Awaiting confirmation
state-awaiting-endorsement = Awaiting endorsement
state-screening = Screening
state-awaiting-submitter = Awaiting submitter
state-in-group = With the group
state-balloting = Consensus round
state-confirming = Open to objection
state-decided = Decided
state-published = Published
state-closed = Closed

## Where a request stands, for the person who asked
state-for-submitter-pending-confirmation = Waiting for you to confirm your e-mail address.
state-for-submitter-awaiting-endorsement = The member body or liaison you chose is deciding whether to endorse the request.
state-for-submitter-screening = The secretariat is checking that the request can be answered as a clarification.
state-for-submitter-awaiting-submitter = The secretariat has asked you for more information. Please reply below.
state-for-submitter-in-group = The maintenance group responsible for the standard is preparing an answer.
state-for-submitter-balloting = The maintenance group is reviewing a draft answer to reach consensus.
state-for-submitter-confirming = The maintenance group has agreed an answer; its members may still object for a few days before it goes to publication.
state-for-submitter-decided = The maintenance group has agreed an answer; it will be published shortly.
state-for-submitter-published = The answer is published.
state-for-submitter-closed = The request is closed.

## Why a request closed, for the person who asked
closure-for-submitter-not-admissible = Closed: the request cannot be answered as a clarification.
closure-for-submitter-referred = Closed: the standard belongs to another committee, to which the request was referred.
closure-for-submitter-duplicate = Closed: a published clarification already answers this question.
closure-for-submitter-no-consensus = Closed: the maintenance group could not reach consensus; the question is kept for the next revision of the standard.
closure-for-submitter-withdrawn = Closed: you withdrew the request.
closure-for-submitter-expired = Closed: no reply to the secretariat's question arrived within 30 days.
closure-for-submitter-corrected = Closed: the answer was published as a corrected version of the clarification.
closure-for-submitter-answered-locally = Closed: answered by the member body.
closure-for-submitter-endorsement-declined = Closed: the member body or liaison declined to endorse the request.
closure-for-submitter-endorsement-expired = Closed: the member body or liaison did not answer in time.

## What happened, as a timeline shows it
action-done-confirm = Confirmed by the submitter
action-done-accept = Accepted for the group
action-done-ask-for-information = Asked the submitter for information
action-done-reply = The submitter replied
action-done-expire = Closed: no reply within 30 days
action-done-not-admissible = Closed as not admissible
action-done-refer = Referred to another committee
action-done-duplicate = Closed as a duplicate
action-done-reassign = Reassigned
action-done-edit-wording = Edited the public wording
action-done-open-round = Opened a consensus round
action-done-vote = Voted
action-done-remind = Reminded members who had not voted
action-done-respond-to-opposition = Answered an opposition
action-done-declare-conflict = Declared a conflict of interest
action-done-confirm-no-conflict = Confirmed having no conflict of interest
action-done-allow-conflicted-vote = Allowed a vote under a declared conflict
action-done-close-with-consensus = Recorded consensus
action-done-close-with-editorial-change = Recorded consensus with an editorial change, open to objection
action-done-close-with-substantive-change = Changed the text substantively and opened a new round
action-done-record-meeting-decision = Recorded a decision taken at a meeting, open to objection
action-done-object = Objected to the decision
action-done-confirm-decision = No objection: the decision stands
action-done-close-without-consensus = Closed the round without consensus
action-done-close-no-consensus = Closed: no consensus possible
action-done-publish = Published
action-done-send-back = Sent back to the group
action-done-withdraw = Withdrawn by the submitter
action-done-mark-publication = Marked the publication
action-done-follow-up-lodged = A follow-up request was made
action-done-follow-up-settled = A follow-up request ended
action-done-correct-publication = Issued a corrected version
action-done-lodge-appeal = Lodged an appeal
action-done-acknowledge-appeal = Acknowledged the appeal
action-done-consider-appeal = Referred the appeal for consideration
action-done-conciliate-appeal = Took the appeal to conciliation
action-done-uphold-appeal = Appeal decided: the decision stands
action-done-allow-appeal = Appeal allowed
action-done-publish-correction = Published as a corrected version
action-done-confirm-for-endorsement = Confirmed by the submitter, for endorsement
action-done-endorse = Endorsed by the sponsor
action-done-answer-locally = Answered locally by the sponsor
action-done-decline-endorsement = The sponsor declined to endorse it
action-done-remind-sponsor = Reminded the sponsor
action-done-expire-endorsement = Closed: the sponsor did not answer in time

## Why an action is refused
refusal-wrong-state = This cannot be done while the request is “{ $state }”.
refusal-wrong-actor = You are not the person who can do this.
refusal-changed = This request changed while you were looking at it.
refusal-group-cannot-answer = { $group } cannot take the request: it has { $missing ->
    [convenor] no convenor to open its rounds
   *[voter] no member who may vote
}. Add one on the group's page first.
refusal-round = The rules of the consensus round do not allow this now.
refusal-consultation = The liaison consultation does not allow this now.
