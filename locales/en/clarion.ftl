## How this language writes dates (chrono's strftime and locale names).
date-format = %-d %b %Y
date-long-format = %-d %B %Y
date-locale = en_GB

## The base layout
language-name = English
skip-to-main = Skip to main content
site-tagline = Clarifications of ISO/IEC conformity assessment standards
signed-in-as = Signed in as
sign-out = Sign out
sign-in = Sign in
nav-main = Main
nav-clarifications = Clarifications
nav-standards = Standards
nav-ask = Ask for a clarification
nav-workspace = Workspace
footer-what-title = What a clarification is
footer-what-text =
    A clarification records the position that the responsible maintenance
    group reached by consensus on what a requirement is intended to mean. It
    does not add or change a requirement and has no binding effect. It is
    taken into account for the text of the standard only when the standard
    is next revised.
footer-using = Using { $site }
footer-about-process = About the process
footer-other-standard = Is your question about another standard?
footer-open-data = Open data
footer-atom = Atom feed of new clarifications
footer-csv = All clarifications as CSV
footer-openapi = API description (OpenAPI)
language-switch = Language
language-switch-button = Show pages in this language
language-page-title = Language
language-page-lead = Choose the language Clarion shows its pages and sends its mail in.

## Words shared by several pages
search = Search
clause-number = clause { $clause }
published-on = published { $date }

## The home page
home-title = Clarifications of conformity assessment standards
home-heading = Find what a requirement means
home-lede =
    { $site } publishes the clarifications that the maintenance groups of ISO's
    committee on conformity assessment (CASCO) give on the intent of requirements in
    ISO/IEC 17025, ISO/IEC 17021-1, ISO/IEC 17065 and the rest of the { $count }
    standards of the toolbox, and takes new requests for clarification.
home-search-label = Search the published clarifications
home-search-placeholder = e.g. measurement uncertainty, impartiality, 7.2.1
home-browse-standards = Browse the standards
home-latest = Latest clarifications
home-none-yet =
    No clarification has been published yet. When a maintenance group reaches consensus on a
    request, its answer appears here.
home-all-clarifications = All clarifications
home-process = How the clarification process works
home-step-send = You send a request
home-step-send-note = About one clause of one standard, asking what its requirement is intended to mean. No account is needed; you confirm your e-mail address and get a private tracking link.
home-step-screen = The secretariat screens it
home-step-screen-note = A request must concern the intent of a requirement, not advice on a specific case and not a new requirement. Questions about standards of other committees are referred to them.
home-step-answer = The maintenance group answers
home-step-answer-note = The group responsible for the standard drafts an answer and circulates it for consensus: general agreement, without sustained opposition on substantial issues. Every opposition is recorded with the response to it.
home-step-publish = The answer is published
home-step-publish-note = Without your name. It has no binding effect and is considered when the standard is next revised.
home-other-standard = Is your question about ISO 9001, ISO/IEC 27001 or another standard outside this list?
home-find-committee = Find the committee that owns it

## Error pages
error-status = Error { $status }
error-go-back = Go back
error-home = Go to the home page
error-back-to-form = Back to the form
error-expired-title = This form has expired
error-expired-text = For your protection, every form carries a security token tied to this browser, and the one sent did not match. This happens when a page was open for a long time, when cookies are blocked for this site, or when the form was sent from another site. Nothing was saved. Go back, reload the page and send the form again.
error-conflict-title = This could not be done
error-conflict-text = Nothing was changed.
error-not-found-title = Page not found
error-not-found-text = There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date. You can search the published clarifications or browse the standards instead.
error-too-large-title = What you sent is too large
error-too-large-text = We accept at most 64 KiB of text in one form. Nothing was saved. Go back, shorten the longest fields and send the form again.
error-unreadable-title = We could not read what was sent
error-unreadable-text = The form arrived in a shape we could not understand. Nothing was saved. Go back, reload the page and try again.
error-too-many-title = Too many attempts
error-too-many-text = You have sent this too many times in a short while. Nothing more was saved. Please wait a while and try again.
error-bad-request-title = We could not understand that request
error-bad-request-text = Part of the address or of what was sent is not valid. Nothing was saved.
error-method-title = That action is not available here
error-method-text = This address does not accept that kind of request. Use the links and buttons on the pages.
error-unavailable-title = Temporarily unavailable
error-unavailable-text = The service is busy or its database cannot be reached right now. Nothing was saved. Please try again in a minute.
error-internal-title = Something went wrong on our side
error-internal-text = We could not complete this. The problem has been logged and nothing was half-saved. Please try again later.

## The standards
standard = Standard
title = Title
maintenance-group = Maintenance group
none-assigned = None assigned
for-next-revision = For the next revision
superseded = Superseded
clarification-count = { $count ->
    [one] { $count } clarification
   *[other] { $count } clarifications
}
standards-lede =
    The conformity assessment standards whose requirements can be clarified here, with the
    maintenance group responsible for each.
standards-in-force = In force ({ $count })
standards-in-force-label = Standards in force
standards-superseded = Superseded editions ({ $count })
standards-superseded-note = Clarifications published on these editions stay available; new requests concern the current edition.

## Forms
form-problem = There is a problem
form-optional = (optional)
form-error = Error:
# After the title of a paged list, past its first page.
title-page-of = (page { $number } of { $pages })
form-honeypot = Leave this field empty
form-check-filters = Check the filters
form-check-search = Check the search
nothing-changed = Nothing was changed.
downloads-busy = Too many downloads are running at once. Nothing is wrong with your request: please try again in { $seconds } seconds.
