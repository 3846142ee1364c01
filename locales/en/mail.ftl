## Mail (templates/email/): the words of every message Clarion sends.

mail-colon = :
mail-dear = Dear { $name },
mail-follow-your-request = Follow your request
mail-open-the-request = Open the request
mail-request-in-workspace = The request in the workspace

## Notes quoted in a change's mail
mail-note-secretariat = The secretariat's note
mail-note-secretariat-question = The secretariat's question
mail-note-whom-to-contact = Whom to contact
mail-note-published-clarification = The published clarification
mail-note-their-answer = Their answer
mail-note-their-reason = Their reason
mail-note-draft-answer = The draft answer
mail-note-final-answer = The final answer
mail-note-convenor = The convenor's note
mail-note-group = The group's note

## A change on a request (templates/email/update/): subject line and opening
mail-accepted-headline = new request for { $group }
mail-accepted-intro = The secretariat accepted this clarification request for { $group } ({ $name }). The convenor may now prepare a draft answer.
mail-reassigned-headline = reassigned to { $group }
mail-reassigned-intro = The secretariat assigned this clarification request to { $group } ({ $name }).
mail-inadmissible-headline = your request cannot be answered as a clarification
mail-inadmissible-specific-situation = The secretariat closed your request because it asks about a specific situation or for consultancy, which a clarification cannot give.
mail-inadmissible-new-requirement = The secretariat closed your request because it proposes a new or changed requirement, which only a revision of the standard can bring.
mail-inadmissible-unclear = The secretariat closed your request because the question could not be understood well enough to answer.
mail-inadmissible-other = The secretariat closed your request because it cannot be answered as a clarification.
mail-referred-headline = please send your question to { $committee }
mail-referred-intro = Your question concerns a standard of { $committee }, which is not handled here. Please send it to that committee; its contact is below.
mail-referred-intro-noted = Your question concerns a standard of { $committee }, which is not handled here. Please send it to that committee; its contact is below. The secretariat adds: { $note }
mail-asked-headline = the secretariat asks for more information
mail-asked-intro = The secretariat needs more information before your request can go to the maintenance group. Please reply on your request's page within { $days } days; without a reply the request closes.
mail-duplicate-headline = already answered
mail-duplicate-intro = A published clarification already answers your question, so your request is closed. You can read it here:
mail-unanswered-headline = closed: no reply within { $days } days
mail-unanswered-intro = The secretariat asked you for more information { $days } days ago and no reply arrived, so your request is closed. You are welcome to send a new request with the information.
mail-endorsed-headline = endorsed by { $sponsor }
mail-endorsed-intro = { $sponsor } endorsed your request; the secretariat now checks that it can be answered as a clarification.
mail-answered-locally-headline = answered by { $sponsor }
mail-answered-locally-intro = { $sponsor } answered your request itself, below; it does not go to the maintenance group and is not published as a clarification.
mail-answered-locally-copy-headline = answered locally by { $sponsor }
mail-answered-locally-copy-intro = { $sponsor } answered this request itself; the submitter received the answer below. For your records.
mail-declined-headline = not endorsed by { $sponsor }
mail-declined-intro = { $sponsor } declined to endorse your request, for the reason below, so it is closed.
mail-endorsement-expired-headline = closed: not endorsed in time
mail-endorsement-expired-intro = { $sponsor } did not endorse your request within { $days } days, so it is closed. You may send it again and name another member body or liaison, or contact { $sponsor } directly.
mail-endorse-headline = a request awaits your endorsement
mail-endorse-reminder-headline = reminder: a request awaits your endorsement
mail-endorse-intro = Dear colleagues of { $sponsor },

    A submitter named you as the sponsor of this clarification request. Please endorse it (it then goes to the secretariat for screening), answer it yourselves, or decline it, from the page below. The link works once, and for { $days } days from the first message; without an answer the request closes.
mail-endorse-reminder-intro = Dear colleagues of { $sponsor },

    { $ago } days ago a submitter named you as the sponsor of this clarification request. Please endorse it (it then goes to the secretariat for screening), answer it yourselves, or decline it, from the page below. The link works once, and for { $days } days from the first message; without an answer the request closes.
mail-endorse-link = Endorse, answer or decline
mail-round-opened-headline = draft answer for your vote by { $deadline }
mail-round-opened-intro = { $convenor } circulated a draft answer for consensus. Please vote (agree, agree with comments, oppose with a comment, or abstain) by { $deadline }.
mail-consensus-headline = consensus recorded; ready to publish
mail-consensus-intro = { $convenor } recorded the group's consensus. The secretariat may now publish the clarification.
mail-no-consensus-round-headline = round closed without consensus
mail-no-consensus-round-intro = { $convenor } closed the round without consensus; the group continues on a new draft.
mail-no-consensus-headline = no consensus could be reached
mail-no-consensus-intro = The maintenance group could not reach consensus on an answer. Your question is kept for the next revision of the standard.
mail-closed-no-consensus-headline = closed without consensus
mail-closed-no-consensus-intro = { $convenor } closed the request: no consensus possible.
mail-published-headline = the answer is published
mail-published-intro = The maintenance group's answer to your request is published. Thank you for asking.
mail-sent-back-headline = decision sent back to the group
mail-sent-back-intro = { $who } sent the decision back to the group before publication.
mail-vote-reminder-headline = please vote by { $deadline }
mail-vote-reminder-intro = The consensus round on this request closes on { $deadline }, and your vote is not in yet.

## Parts every message shares (templates/email/partials/)
mail-button-fallback = If the button does not work, copy this address into your browser:
mail-field-reference = Reference
mail-field-reconsideration-of = Reconsideration of
mail-field-correction-of = Correction of
mail-field-new-information-on = New information on
mail-field-standard = Standard
mail-field-clause = Clause
mail-field-question = Question
# Plain-text lines, aligned in English.
mail-line-reference = Reference: { $value }
mail-line-reconsideration-of = Reconsideration of: { $value }
mail-line-correction-of = Correction of: { $value }
mail-line-new-information-on = New information on: { $value }
mail-line-standard = Standard:  { $value }
mail-line-clause = Clause:    { $value }
mail-line-question = Question:  { $value }
mail-line-from = From:      { $category }, { $country }
mail-line-sponsor = Sponsor:   { $value }
mail-line-group = Group:     { $value }
mail-continue-in-workspace = Continue in the workspace:

## To the submitter: confirm your address (confirm_request)
mail-confirm-subject = Confirm your clarification request on { $standard }
mail-confirm-title = Confirm your clarification request
mail-confirm-received = We received a clarification request sent with this e-mail address:
mail-confirm-prove = To send it to the secretariat, confirm that this address is yours.
mail-confirm-open-link = To send it to the secretariat, confirm that this address is yours. Open this link and press the button "Confirm and send":
mail-confirm-button = Confirm and send
mail-confirm-expiry = The link works for 72 hours. If you do not confirm, the request and your details are deleted.
mail-confirm-not-you = If you did not send this request, ignore this message: nothing will happen.

## To the submitter once confirmed (acknowledgement)
mail-ack-subject = your clarification request is received
mail-ack-subject-reconsideration = your request for reconsideration of { $original } is received
mail-ack-subject-correction = your proposed correction of { $original } is received
mail-ack-subject-new-information = your new information on { $original } is received
mail-ack-title = Your clarification request is received
mail-ack-confirmed = Thank you: your clarification request is confirmed and has reached the secretariat.
mail-ack-reconsideration = Thank you: your request for reconsideration of { $original } has reached the secretariat. It is a request of its own, with the reference below; the secretariat screens it, and the maintenance group may confirm its decision or revise it.
mail-ack-correction = Your proposed correction of { $original } has reached the secretariat. It is a request of its own, with the reference below; once accepted, the maintenance group decides it, and its answer becomes the clarification's next version.
mail-ack-new-information = Thank you: your new information on { $original } is confirmed and has reached the secretariat. It is a request of its own, with the reference below; the maintenance group may revise the published answer.
mail-ack-track-html = Follow it on its tracking page. Keep this link private: it is your only key to the request.
mail-ack-track-text = Follow it here (keep this link private: it is your only key to the request):
mail-ack-track-button = Track your request
mail-ack-next = What happens next
mail-ack-step-screening = The secretariat checks that the request can be answered as a clarification: it must concern the intent of a requirement, not advice on a specific situation or a new requirement. They may ask you for more information; you reply on the tracking page.
mail-ack-step-group = The maintenance group responsible for the standard prepares an answer and circulates it for consensus.
mail-ack-step-published = The answer is published, without your name, and you are told by e-mail.
mail-ack-withdraw = You can withdraw the request on the tracking page while it is open.

## To the secretariat: a request to screen (new_request)
mail-new-subject = new request on { $standard } { $clause } to screen
mail-new-subject-no-group = new request on { $standard } { $clause } to screen (no group assigned)
mail-new-title = New request to screen
mail-new-waits = A confirmed clarification request waits for screening.
mail-new-from = From: { $category }, { $country }
mail-new-sponsor = Sponsor: { $sponsor }
mail-new-group = Responsible group:
mail-new-no-group = No maintenance group is responsible for this standard.
mail-new-assign = Assign one when you accept the request.
mail-new-no-group-text = WARNING: no maintenance group is responsible for this standard. Assign one when you accept the request.
mail-new-screen-text = Screen it in the workspace:
mail-new-button = Screen the request

## To the secretariat: the submitter replied (reply_received)
mail-reply-subject = the submitter replied
mail-reply-title = The submitter replied
mail-reply-intro = The submitter replied to your request for information; the request is back in screening.
mail-reply-their = Their reply

## To someone who asked to reset their password (password_reset)
mail-reset-subject = Reset your { $site } password
mail-reset-title = Reset your password
mail-reset-asked = Someone asked to reset the password of your { $site } account. To choose a new password, open this link within one hour.
mail-reset-asked-text = Someone asked to reset the password of your { $site } account. To choose a new password, open this link within one hour:
mail-reset-button = Choose a new password
mail-reset-not-you = If you did not ask for this, ignore this message: your password stays as it is.

## To someone the secretariat invited (invitation)
mail-invite-subject = You are invited to { $site }
mail-invite-title = You are invited
mail-invite-created = The secretariat has created an account for you on { $site }, where clarification requests on conformity assessment standards are screened, discussed and decided.
mail-invite-role = Your role
mail-role-secretariat = secretariat
mail-role-sponsor = sponsor for { $sponsor }
mail-role-in-group = { $role } of { $group }
mail-role-reader = reader
mail-invite-accept = To accept, choose your password within 7 days.
mail-invite-accept-text = To accept, choose your password within 7 days:
mail-invite-button = Choose your password

## To the first secretariat account (welcome)
mail-welcome-subject = Your { $site } secretariat account is ready
mail-welcome-title = Your secretariat account is ready
mail-welcome-created = Your secretariat account on { $site } has been created.
mail-welcome-created-text = Your secretariat account on { $site } has been created. You can sign in at:
mail-welcome-sign-in = Sign in
mail-welcome-role = As the secretariat you screen new clarification requests, route them to the maintenance groups, publish their decisions, and manage the registry of standards, groups and users.
mail-welcome-not-you = If you did not create this account, tell your system administrator at once.

## To the secretariat and the group: withdrawn (withdrawn)
mail-withdrawn-subject = withdrawn by the submitter
mail-withdrawn-title = Request withdrawn
mail-withdrawn-intro = The submitter withdrew this clarification request; it is closed and needs no further work.
mail-withdrawn-record-text = The record stays in the workspace:
mail-withdrawn-button = Open the record
