## What a submitter, a sponsor and a liaison see, and the sign-in pages
## (keys start with submit-).

submit-at-time = { $date }, { $time } UTC

## The request form
submit-form-lede =
    Ask the maintenance group responsible for a standard what one of its requirements is
    intended to mean. You need no account: we send you a link to confirm your address, then a private link to follow
    your request.
submit-throttled-title = Please wait before sending again
submit-throttled-text = You have sent several requests from this address in the last hour. Nothing was saved this time; please wait an hour and send the form again — everything you typed is still here.
submit-unavailable-title = Your request could not be saved
submit-unavailable-text = The service is busy or its database cannot be written to right now. Nothing was saved: please try again in a minute — everything you typed is still here.
submit-your-question = Your question
submit-standard-hint = Only current editions take new requests.
submit-choose-standard = Choose a standard
submit-clause = Clause
submit-clause-hint = The number of the clause, for example 7.2.1 or Annex A.2.
submit-check-existing = Check for existing answers
submit-existing-none = No published answer on { $standard } clause { $clause } yet
submit-existing-count = { $count ->
    [one] { $count } published answer on { $standard } clause { $clause }
   *[other] { $count } published answers on { $standard } clause { $clause }
}
submit-existing-none-text = Nobody has asked about this clause before, or no answer is published yet. Go on with your question below.
submit-existing-read-first = Your question may already be answered. Read these first:
submit-existing-item = clause { $clause }:
submit-question = Question
submit-question-hint = One question about what the requirement is intended to mean, answerable by yes or no where possible. 20 to 5,000 characters.
submit-background = Background
submit-background-hint = Why the text is unclear to you, and how it is read in practice. Do not name organizations or describe a specific case.
submit-your-proposed-answer = Your proposed answer
submit-proposed-answer-hint = How you think the requirement should be understood.
submit-about-you = About you
submit-about-you-hint = Your name and address are used only to handle this request. They are never published.
submit-full-name = Full name
submit-email = E-mail address
submit-email-hint = We send the confirmation link here.
submit-organization = Organization
submit-country = Country
submit-choose-country = Choose a country
submit-category = You are asking for
submit-choose-one = Choose one
submit-category-iso-member-body = ISO member body
submit-category-liaison-organization = Liaison organization
submit-category-accreditation-body = Accreditation body
submit-category-conformity-assessment-body = Conformity assessment body
submit-category-regulator = Regulator
submit-category-industry-or-user = Industry or user
submit-category-other = Other
submit-own-sponsor = Sponsor: { $sponsor }
submit-own-sponsor-text = You send this request for your organisation, which endorses it: once its e-mail address is confirmed, it goes straight to the secretariat for screening.
submit-sponsor = Member body or liaison to endorse your request
submit-sponsor-hint = Requests reach the secretariat through an ISO member body or an A-liaison organisation, which endorses them, may answer them itself, or declines them. The member body of your country comes first.
submit-before-you-send = Before you send
submit-confirm-intent = My question is about the intent of a requirement of the standard.
submit-confirm-not-specific-case = I am not asking for advice on a specific situation, organization or assessment.
submit-confirm-not-new-requirement = I am not proposing a new or changed requirement.
submit-confirm-publication = The question and its answer may be published, without my name.
submit-send-request = Send request
submit-guidance-what = The maintenance group's consensus on what a requirement is <strong>intended</strong> to mean.
submit-guidance-not =
    It is <strong>not</strong> advice on your specific case, an opinion on whether an organization conforms, or a
    new requirement. It has no binding effect; it is considered when the standard is next revised.
submit-guidance-how = How to ask well
submit-guidance-one-question = One question, about one clause.
submit-guidance-quote = Quote the words that are unclear.
submit-guidance-yes-no = Ask so that the answer can be yes or no.
submit-guidance-no-names = Leave out names of organizations and details of a case.
submit-guidance-example = An example
submit-guidance-example-clause = ISO/IEC 17025:2017, clause 7.2.1.5
submit-guidance-example-text = “Does the requirement to verify that a laboratory can properly perform a standard method apply again when the method is revised, if the revision does not change the technique?”

## After the form: the mail to check, the confirmation
submit-sent-title = Check your e-mail
submit-sent-eyebrow = Almost done
submit-sent-lede-before = We have sent a message to the address you gave. Open the link in it and press
submit-sent-lede-after = to pass your request to the secretariat.
submit-sent-72-hours = The link works for 72 hours. If you do not confirm, your request and your details are deleted.
submit-sent-no-message = No message? Look in your spam folder. If it is not there, the address may have been mistyped:
submit-sent-fill-again = fill in the form again
submit-sent-after = After you confirm, you receive a reference (CR-…) and a private link to follow the request.
submit-confirm-title = Confirm your request
submit-confirm-eyebrow = One last step
submit-confirm-lede = Press the button to confirm your e-mail address and send this request to the secretariat.
submit-confirm-button = Confirm and send
submit-confirm-not-yours = Did not send this? Close this page: without confirmation the request is deleted after 72 hours.
submit-reconsideration-of = Reconsideration of
submit-correction-of = Correction of
submit-new-information-on = New information on
submit-your-reasons = Your reasons
submit-what-correction-changes = What the correction changes
submit-your-information = Your information
submit-already-confirmed-title = Already confirmed
submit-already-confirmed-heading = This request is already confirmed
submit-already-confirmed-text =
    Nothing more to do here. The acknowledgement we sent you holds the reference and the
    private link to follow the request.

## The submitter's tracking page
submit-your-request = Your request
submit-track-eyebrow = Your clarification request
submit-track-reconsideration-of = Your request for reconsideration of
submit-track-correction-of = Your proposed correction of
submit-track-new-information-on = Your new information on
submit-window-not-decided = The request is not decided yet: there is no decision to reconsider.
submit-window-open-until = You may ask for reconsideration until { $when }.
submit-window-closed = { $count ->
    [one] The time to ask for reconsideration ended on { $when }, { $count } day after the decision.
   *[other] The time to ask for reconsideration ended on { $when }, { $count } days after the decision.
}
submit-window-asked = You asked for reconsideration already
submit-window-once = A decision is reconsidered once.
submit-window-final = This is the decision on a reconsideration; it is not reconsidered again.
submit-with-liaisons = The answer is with the liaisons: the organisations consulted before publication may comment on it until { $date }.
submit-reply-not-sent = Your reply was not sent
submit-reply-kept = What you wrote is kept below: read the request as it is now, then send it again.
submit-reply-shown = The request no longer waits for your reply. Here is what you wrote, so that you can keep it:
submit-reconsideration-not-sent = Your request for reconsideration was not sent
submit-follows-reconsideration = The secretariat screens it as a new request; the maintenance group may confirm its decision or revise it.
submit-follows-correction = The secretariat screens it as a new request; the maintenance group decides the correction, and its answer becomes the clarification's next version.
submit-follows-new-information = The secretariat screens it as a new request; the maintenance group may revise the published answer.
submit-now-published-title = The answer is published
submit-read-published = Read the published clarification { $reference }
submit-as-published = As it is to be published
submit-as-published-note = The secretariat words each published question without names, about the intent of a requirement. Your own words stay in the record and are never published.
submit-messages = Messages with the secretariat
submit-secretariat-asked = The secretariat asked, { $when }
submit-you-replied = You replied, { $when }
submit-your-reply = Your reply
submit-reply-hint = Answer the secretariat's question. Your request then goes back to screening.
submit-send-reply = Send reply
submit-ask-reconsideration = Ask for reconsideration
submit-reconsideration-if = If you think the decision is wrong, you may ask for it to be reconsidered until { $when }. Your request is screened as a new one, with its own reference, and the maintenance group may confirm the decision or revise it.
submit-reasons-hint = Say why the decision should change: what was misread or not considered. At most 5,000 characters.
submit-reconsideration = Reconsideration
submit-progress = Progress
submit-stage-received = Received
submit-stage-screening = Screening by the secretariat
submit-stage-with-group = With the maintenance group
submit-stage-decided = Decided
submit-stage-published = Published
submit-stage-closed = Closed
submit-stage-now = now
submit-changed-mind = Changed your mind?
submit-changed-mind-text = You can withdraw the request while it is open.
submit-withdraw-the-request = Withdraw the request
submit-keep-private = Keep this page's address private: it is your only key to the request.
submit-withdraw-title = Withdraw your request
submit-withdraw-heading = Withdraw your request?
submit-withdraw-lede =
    The request on { $standard } clause { $clause } will be closed and the
    maintenance group will not answer it. This cannot be undone; you can always send a new request.
submit-withdraw-yes = Yes, withdraw it
submit-withdrawal-not-done = Your request was not withdrawn
submit-withdraw-no = No, keep it

## A sponsor's endorsement
submit-the-request = The request
submit-endorsed = Request endorsed
submit-answer-sent = Answer sent
submit-declined = Request declined
submit-endorsed-text = Thank you. The request goes to the secretariat for screening, with you named as its sponsor; the submitter is told.
submit-answer-sent-text = Thank you. Your answer was sent to the submitter, with a copy to the secretariat, and the request is closed.
submit-declined-text = The submitter is told your reason, and the request is closed.
submit-link-used = The link you followed no longer works.
submit-endorse-title = Endorse { $reference }
submit-endorse-a-request = Endorse a request
submit-endorse-for = For { $acronym } — { $name }
submit-endorse-heading = A clarification request awaits your endorsement
submit-endorse-lede-link = The submitter named { $acronym } as the member body or liaison to sponsor this request. Endorse it to send it to the secretariat for screening, answer it yourselves, or decline it. This link works once, until { $date }.
submit-endorse-lede-account = The submitter named { $acronym } as the member body or liaison to sponsor this request. Endorse it to send it to the secretariat for screening, answer it yourselves, or decline it, until { $date }.
submit-endorse-back = Back to { $acronym }'s requests
submit-nothing-sent = Nothing was sent
submit-choose-a-button = Choose one of the three buttons below.
submit-proposed-answer = Proposed answer
submit-submitted-by = Submitted by
submit-endorse = Endorse
submit-endorse-text = The request goes to the secretariat, which checks that it can be answered as a clarification; { $acronym } is named on it as its sponsor.
submit-endorse-button = Endorse the request
submit-answer-yourselves = Answer it yourselves
submit-your-answer = Your answer
submit-answer-hint = The submitter receives it by e-mail, and the secretariat a copy; it is not published. The request then closes.
submit-send-answer = Send the answer
submit-decline = Decline
submit-why-decline = Why you decline
submit-decline-hint = The submitter receives your reason by e-mail. The request then closes.
submit-decline-button = Decline to endorse

## A liaison's review before publication
submit-review-title = Review before publication
submit-liaison-consultation = Liaison consultation
submit-review-lede = The maintenance group has decided the answer below. Before it is published, { $acronym } may record that it has no objection, or send comments to the secretariat, until { $when }. This page is private to your organisation.
submit-review-not-recorded = Your answer was not recorded
submit-review-answered-already = { $acronym } has answered already; an answer is given once.
submit-review-ended = The consultation on this answer has ended.
submit-the-question = The question
submit-decided-answer = The decided answer
submit-review-sent-comments = { $acronym } sent comments
submit-review-no-objection-given = { $acronym } has no objection
submit-review-recorded-on = Recorded on { $when }.
submit-review-response = The secretariat's response
submit-review-what-says = What does { $acronym } say?
submit-review-no-objection = No objection to publication
submit-review-comments-choice = Comments for the secretariat and the group
submit-review-your-comments = Your comments
submit-review-comments-hint = With comments: what should change in the answer, and why. The secretariat responds before publishing, or sends the answer back to the group.
submit-review-once = An answer is given once; you can read it here afterwards.
submit-review-ended-unanswered = The consultation on this answer has ended without an answer from { $acronym }.

## Which committee answers a question on another standard
submit-refer-title = Which committee answers your question?
submit-refer-lede =
    Requests are handled here only for the conformity assessment standards of ISO's committee
    on conformity assessment (CASCO). Questions about other standards go to the committee that owns them. Type the
    standard to find out where.
submit-refer-placeholder = e.g. ISO 9001 or ISO/IEC 27001:2022
submit-refer-find = Find the committee
submit-refer-ours = { $standard } is handled here
submit-refer-ask = Ask for a clarification of { $standard }
submit-refer-theirs = { $designation } belongs to { $committee }
submit-refer-send-there = Send your question to that committee's manager; it cannot be answered here.
submit-refer-unknown = We do not know who owns “{ $designation }”
submit-refer-unknown-text =
    Check the designation on the cover of the standard. ISO standards are maintained by technical committees;
    their committee managers answer questions about them. Your national standards body (the ISO member in your
    country) can tell you which committee is responsible and how to reach it.
submit-refer-listed-before = If the standard is one of the
submit-refer-listed-link = conformity assessment standards listed here
submit-refer-listed-after = , choose it from the list instead.

## New information on a published clarification
submit-new-information-title = New information on { $reference }
submit-breadcrumb = Breadcrumb
submit-new-information = New information
submit-new-information-lede =
    If you know something the maintenance group did not consider when it answered — a
    changed requirement, a case the answer does not fit — tell the secretariat. It is screened like a new
    request and, if the group revises its answer, the new answer replaces this one.
submit-published-question = The published question
submit-clause-number = Clause { $clause }
submit-read-clarification = Read the clarification and its answer
submit-the-new-information = The new information
submit-new-information-hint = What the group should consider, and why it bears on the answer. At most 5,000 characters. It may be published without your name.
submit-your-name = Your name
submit-your-email = Your e-mail address
submit-your-email-hint = We send a link to confirm it first; then you receive a reference and a private link to follow what becomes of it. Never published.
submit-send-information = Send the information

## A sponsor's desk
submit-desk-title = { $acronym }'s requests
submit-desk-lede = The clarification requests that name { $acronym } as their sponsor, and those awaiting its decision.
submit-desk-send-before = Requests you
submit-desk-send-link = send from the form
submit-desk-send-after = while signed in are endorsed by { $acronym } and go straight to the secretariat for screening.
submit-desk-awaiting = Awaiting your decision
submit-desk-awaiting-none = No request awaits { $acronym }'s decision.
submit-desk-awaiting-caption = Requests awaiting { $acronym }'s decision
submit-desk-request = Request
submit-desk-answer-by = Answer by
submit-desk-all = All of { $acronym }'s requests
submit-desk-all-none = No request names { $acronym } as its sponsor yet.
submit-desk-all-caption = Requests naming { $acronym } as their sponsor
submit-desk-request-noun = request
submit-desk-requests = requests
submit-desk-state = State
submit-desk-submitted = Submitted
submit-desk-pages = Pages of requests

## Setting up, signing in, passwords
submit-setup-title = Create the secretariat account
submit-setup-eyebrow = First run
submit-setup-lede =
    This one-time link creates the first account. The secretariat screens requests, publishes
    decisions and invites everyone else. The link stops working once the account exists.
submit-setup-email-hint = You sign in with it; mail from the site comes here.
submit-password = Password
submit-password-again = Password again
submit-setup-password-hint = At least 12 characters. A few unrelated words make a strong one.
submit-setup-button = Create the account
submit-setup-used-title = Setup link already used
submit-setup-used-heading = This setup link was already used — sign in
submit-setup-used-text =
    It created the first secretariat account, so it no longer works. Sign in with that
    account’s e-mail address and password.
submit-forgot = Forgot your password?
submit-forgot-lede =
    Enter the address you sign in with. If it belongs to an account, we send a link to choose a
    new password; it works for one hour.
submit-forgot-sent =
    If the address belongs to an account, a link is on its way. No message within a few minutes? Check the spam
    folder, or ask the secretariat.
submit-forgot-throttled-title = Too many links asked for
submit-forgot-throttled-text =
    Links for this address, or from where you are, were asked for several times in the last hour. Nothing was
    sent this time: use a link already received, or try again in an hour.
submit-forgot-button = Send the link
submit-login-lede =
    For the secretariat and the members of the maintenance groups. To ask a question you
    need no account:
submit-login-ask = ask for a clarification
submit-logout-lede = You will need your password to come back to the workspace.
submit-password-choose-new = Choose a new password
submit-password-welcome = Welcome: choose your password
submit-password-for =
    For { $name } ({ $email }). At least 12 characters; a few unrelated words make a strong
    password.
submit-link-gone = This link no longer works
submit-link-gone-reset-why =
    A link to choose a new password works once, for one hour, and not after
    the password was changed with another link. Ask for a new one: it
    reaches you within minutes.
submit-link-gone-invitation = This invitation no longer works
submit-link-gone-invitation-why =
    An invitation works once, for seven days. If you chose your password
    with it, sign in. If not, ask for a link to choose your password: it is
    sent to the address you were invited at.
submit-link-gone-ask = Ask for a link to choose a password
submit-link-gone-confirmation-why =
    A link to confirm a clarification request works for 72 hours. If you
    confirmed your request, its tracking link came to you by mail. If not,
    the request and your details were deleted: ask your question again.
submit-link-gone-subscription-why =
    A link to confirm that you follow a standard works for 72 hours. Ask
    again from the standard's page: a new link reaches you within minutes.
submit-link-gone-standards = Browse the standards
submit-link-gone-tracking-why =
    A tracking link stops working when the request's personal details are
    erased, some time after its decision, so that no more is kept than the
    process needs. An answered request's answer stays published.
submit-link-gone-search = Search the published clarifications
submit-link-gone-review-why =
    A link to review a decided answer before publication works for one
    consultation. A reminder carries a new link, and the one sent before it
    stops working; if the group decides again, a new consultation sends new
    links. An answer your organisation gave with the link was recorded.
submit-link-gone-endorsement-why =
    A link to endorse a request works once, while the request waits for its
    sponsor. If you answered with it, your answer was recorded and the
    submitter was told. A reminder carries a new link, and the one sent
    before it stops working. If your organisation has an account, its
    requests wait in its queue once you sign in.
submit-password-new = New password
submit-password-new-again = New password again
submit-password-save = Save the password
