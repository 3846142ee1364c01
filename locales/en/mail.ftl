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

## To followers of a standard (clarification_published, _marked, _corrected)
mail-follow-because = You receive this because you follow { $standard } on { $site }
mail-follow-because-on = You receive this because you follow { $standard } on
mail-follow-stop = Stop these messages
mail-follow-stop-text = To stop these messages, open:
mail-read-clarification = Read the clarification
mail-read-corrected = Read the corrected clarification
mail-published-subject = new clarification of { $standard }, clause { $clause }
mail-published-title = New clarification of { $standard }
mail-published-new = A new clarification of { $standard } is published.
mail-published-answer = The answer
mail-published-non-binding = A clarification states the maintenance group's consensus on the intent of a requirement. It is not a new requirement and has no binding effect; it is considered when the standard is next revised.
mail-published-read-text = Read it on the site:
mail-mark = { $mark ->
        [superseded] superseded
        [incorporated] incorporated into a new edition
       *[withdrawn] withdrawn
    }
mail-marked-subject = { $reference } of { $standard }: { mail-mark }
mail-marked-title = A clarification of { $standard }: { mail-mark }
mail-marked-intro = The secretariat marked a clarification of { $standard } as { mail-mark }.
mail-marked-readable = The question and answer stay readable on the site, with this mark shown above them.
mail-marked-readable-text = The question and answer stay readable on the site, with this mark shown above them:
mail-corrected-subject = { $reference } of { $standard }: corrected (version { $version })
mail-corrected-subject-unnumbered = A clarification of { $standard }: corrected (version { $version })
mail-corrected-title = A clarification of { $standard }: corrected
mail-corrected-intro = { $by ->
        [group] The maintenance group decided a corrected version
       *[secretariat] The secretariat issued a corrected version
    } (version { $version }) of a clarification of { $standard }.
mail-corrected-what = What was corrected
mail-corrected-now = The answer now reads
mail-corrected-previous = The version it replaces keeps its own address

## To someone who asked to follow a standard (confirm_subscription)
mail-hello = Hello,
mail-subscribe-subject = Confirm that you want to follow { $standard }
mail-subscribe-asked = Someone, we hope you, asked for an e-mail from { $site } whenever a clarification of { $standard } is published, or is later marked superseded, incorporated into a new edition or withdrawn.
mail-subscribe-open-link = To start receiving these messages, open this link and press the button "Follow { $standard }":
mail-subscribe-prove = To start receiving these messages, confirm that this address is yours.
mail-subscribe-button = Follow { $standard }
mail-subscribe-expiry = The link works for 72 hours. If you did not ask for this, ignore this message: nothing will be sent and the address is deleted.
mail-subscribe-privacy = Your address is used only for these messages and is never shown to anyone.

## To the convenors: an opposition (opposition)
mail-opposition-subject = opposition from { $voter }
mail-opposition-title = Opposition from { $voter }
mail-opposition-intro = { $voter } opposed the draft answer in the consensus round on this request. Consensus cannot be recorded until you have answered the opposition on the request's page.
mail-opposition-says = What { $voter } says must change
mail-opposition-button = Answer the opposition

## To the convenors and the secretariat: an objection (objection)
mail-objection-subject = objection from { $objector }; back to the group
mail-objection-title = Objection from { $objector }
mail-objection-intro = { $objector } objected to { $at ->
        [meeting] the decision the group took at a meeting they did not attend
       *[editorial] the editorial change of the agreed answer
    } on this request. The decision does not stand: the request is back with the group, which may circulate a new draft.
mail-objection-the = The objection

## To the secretariat and the group: no objection (decision_stands)
mail-stands-subject = no objection; ready to publish
mail-stands-title = No objection: ready to publish
mail-stands-intro = Nobody objected to { $at ->
        [meeting] the decision the group took at a meeting
       *[editorial] the editorial change of the agreed answer
    } on this request within the time allowed. The group's decision stands: the secretariat may now publish the clarification.

## To the voters: an editorial change (editorial_change)
mail-until = { $date }, { $time } UTC
mail-editorial-subject = editorial change to the agreed answer; object by { $until }
mail-editorial-title = Editorial change to the agreed answer
mail-editorial-intro = { $convenor } recorded the group's consensus on this request with an editorial change to the text you voted on. If you find that the change alters the substance of the answer, you may object on the request's page until { $until }; an objection sends the answer back to the group. Without objection the decision stands and goes to the secretariat for publication.
mail-editorial-why = Why the convenor changed the text
mail-editorial-voted = The text you voted on
mail-editorial-final = The final text
mail-editorial-read-text = Read the difference word by word, or object:
mail-editorial-difference = The final text, with what changed from the text you voted on
mail-editorial-difference-key = (removed words struck through, added words underlined)

## To the appellant and the group: an appeal's step (appeal)
mail-appeal-subject = { $step ->
        [lodge_appeal] appeal { $number } received
        [acknowledge_appeal] appeal { $number } acknowledged
        [consider_appeal] appeal { $number } under consideration
        [conciliate_appeal] appeal { $number } in conciliation
        [uphold_appeal] appeal { $number } decided: the decision stands
       *[other] appeal { $number } allowed
    }
mail-appeal-title = Appeal { $number }
mail-appeal-said = { $step ->
        [lodge_appeal] The secretariat has received an appeal from { $appellant } against the decision on this request, and recorded it as appeal { $number }.
        [acknowledge_appeal] The secretariat acknowledges appeal { $number }, from { $appellant }, against the decision on this request.
        [consider_appeal] Appeal { $number }, from { $appellant }, is now with { $body }, who consider it.
        [conciliate_appeal] { $body } chose conciliation on appeal { $number }, from { $appellant }: the appellant and the group are asked to find an agreement.
        [uphold_appeal] Appeal { $number }, from { $appellant }, is decided: it is not allowed, and the decision stands.
       *[other] Appeal { $number }, from { $appellant }, is decided: it is allowed.{ $outcome ->
            [back_to_group] { " " }The request goes back to the maintenance group, which takes its decision again.
            [withdrawn] { " " }The published clarification is withdrawn.
            [superseded] { " " }The published clarification is superseded.
           *[none] {""}
        }
    }
mail-appeal-due = The next step is due by { $date }.
mail-appeal-grounds = The grounds of the appeal

## To a consulted liaison (consultation_requested)
mail-reminder = Reminder
mail-consult-subject = a clarification for your review before publication
mail-consult-title = A clarification for your review
mail-consult-title-reminder = Reminder: a clarification for your review
mail-consult-reminder = A reminder: { $liaison } has not answered yet, and its time ends soon. This message carries a new link; the one sent first no longer works.
mail-consult-intro = The maintenance group has decided its answer to the clarification request below. Before it is published, { $liaison } is consulted: please read the question and the decided answer, then record "no objection" or your comments, by { $until }. Without an answer by then, the clarification may be published.
mail-consult-private = This link is private to your organisation; do not forward it.
mail-consult-review-text = Review the answer (this link is private to your organisation; do not forward it):
mail-consult-button = Review the answer

## To the secretariat and the convenors: a liaison commented (liaison_commented)
mail-commented-subject = comments from { $liaison } before publication
mail-commented-title = Comments from a liaison
mail-commented-intro = { $liaison }, consulted before publication, commented on the decided answer to this request. The clarification is not published until the secretariat records a response to the comments or sends the answer back to the group.
mail-commented-the = The comments

## To the voters who did not attend: decided at a meeting (meeting_decision)
mail-meeting-subject = decided at the meeting of { $held_on }; object by { $until }
mail-meeting-title = Decided at the meeting of { $held_on }
mail-meeting-intro = The group decided the answer to this request at its meeting of { $held_on }, which you did not attend; { $convenor } recorded the decision. If you cannot accept it, you may object on the request's page until { $until }; an objection sends the request back to the group. Without objection the decision stands and goes to the secretariat for publication.
mail-meeting-attended = Who attended, and their position
mail-position = { $position ->
        [agree] Agree
        [agree_with_comments] Agree, with comments
        [oppose] Oppose (sustained opposition)
       *[abstain] Abstain
    }
mail-meeting-minutes = The minutes
mail-meeting-answer = The answer decided
mail-meeting-read-text = Read the decision record, or object:

## To the secretariat: a webhook turned off (webhook_disabled)
mail-at = { $date } { $time }
mail-webhook-subject = Webhook endpoint turned off: { $url }
mail-webhook-title = Webhook endpoint turned off
mail-webhook-intro = Deliveries to this webhook endpoint have failed since { $since } (UTC), so it has been turned off. Events of the register wait for it; nothing is sent to it until it is turned on again.
mail-webhook-last = The last failure: { $error }
mail-webhook-again = Once the receiver works again, turn the endpoint on from its page; what waited is then delivered.
mail-webhook-again-text = Once the receiver works again, turn the endpoint on from its page; what waited is then delivered:
mail-webhook-button = Open the endpoint
