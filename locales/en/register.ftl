## The public register: the list of clarifications, a clarification's page
## and its versions, a standard's pages, following a standard by e-mail,
## the Atom feeds and the PDF documents.

register-breadcrumb = Breadcrumb
register-standard-clause = { $standard }, clause { $clause }
register-clause-capital = Clause { $clause }
register-clause = Clause
register-question = Question
register-answer = Answer
register-reference = Reference
register-published = Published
register-status = Status
register-version = Version
register-sample = Sample
register-sample-word = sample
register-the-secretariat = The secretariat
register-atom = Atom feed
register-atom-of-standard = Atom feed of this standard
register-none-at-present = None at present.
register-in-clause-order = In the order of the clauses
register-page-of = ; page { $number } of { $pages }
register-or = or

## Status of a published clarification
register-status-current = Current
register-status-superseded = Superseded
register-status-incorporated = Incorporated in a new edition
register-status-withdrawn = Withdrawn

## Paged lists
register-pagination = Pagination
register-previous = Previous
register-next = Next
register-page-word = Page
register-showing = , showing { $first }–{ $last }
register-go-to-last-page = Go to the last page
register-paging-find = Find
register-paging-only-pages = { $count ->
    [one] There is only 1 page of { $things }.
   *[other] There are only { $count } pages of { $things }.
}

## The list of clarifications
register-published-clarifications = Published clarifications
register-quoted = “{ $words }”
register-list-lede =
    The answers of the maintenance groups on the intent of requirements. A clarification
    is not a new requirement and binds no one; it is considered when the standard is next revised.
register-search-label = Search the clarifications
register-words-label = Words from the question or the answer
register-filter-by = Filter by standard, clause, year or status
register-all-standards = All standards
register-superseded-option = { $standard } (superseded)
register-clause-hint = 7.2 also finds 7.2.1
register-year-published = Year published
register-any-year = Any year
register-any-status = Any status
register-apply-filters = Apply the filters
register-clear-search = Clear the search
register-results = Results
register-no-match = No published clarification matches this search.
register-try-fewer-words = Try fewer or other words: a term from the standard (“competence”, “decision rule”) rather than a whole sentence.
register-search-without-filters = Search again without the filters
register-look-through = Look through a standard’s clarifications, clause by clause, from
register-the-list-of-standards = the list of standards
register-still-no-answer = Still no answer?
register-ask-the-group = Ask the maintenance group
register-only-pages = { $count ->
    [one] There is only 1 page of results.
   *[other] There are only { $count } pages of results.
}
register-for-words = for “{ $words }”
register-newest-first = , newest first
register-best-first = , best match first
register-broadened = No clarification contains all of these words, so these contain some of them.
register-open-data = This list as open data:

## A clarification's page
register-banner-superseded = This clarification is superseded
register-replaced-by-clarification = It is replaced by clarification
register-replaced-by = It is replaced by
register-banner-incorporated = Incorporated into a new edition of the standard
register-now-part-of = It is now part of
register-banner-withdrawn = This clarification is withdrawn
register-superseded-edition-note = (superseded edition)
register-decided-on = Decided { $date }
register-published-on = Published { $date }
register-corrected-on-version = Corrected on { $date } (version { $version })
register-corrected-title = Corrected on { $date }: version { $version }
register-version-history = Version history
register-version-history-note = : every earlier version keeps its own address.
register-sample-note = This is a sample clarification, shown to demonstrate the register. It is not an answer of a maintenance group.
register-what-note =
    It states the consensus of the maintenance group on the intent of a requirement. It is no new requirement,
    binds no one, and is considered for inclusion in the standard only when the standard is revised.
register-cite-heading = Cite this clarification
register-version-n = version { $version }
register-cite-clarification-on = clarification { $reference } on { $standard }
register-corrected-lower = corrected { $date }
register-permanent-link = Permanent link:
register-this-version = This version, as it stands:
register-as-document = As a document:
register-pdf-of-version = { $designation }, version { $version } (PDF)
register-about-clarification = About this clarification
register-details = Details
register-number = Number
register-clarification-n = Clarification { $number }
register-all-of-edition-pdf = All of this edition’s (PDF)
register-answered-by = Answered by
register-history = History
register-supersedes = Supersedes
register-next-revision = Next revision
register-to-be-considered = To be considered
register-incorporated = Incorporated
register-not-flagged = Not flagged
register-related = Related clarifications
register-related-none = None other on clause { $clause } of this standard.
register-related-all = All { $count } on clause { $clause } and under it
register-another-question = Another question on this clause?
register-send-new-information = Send new information on this answer
register-send-new-information-note = : something the group did not consider
register-as-json = This clarification as JSON

## A clarification's versions
register-version-title = Version { $version }
register-newer-exists = A newer version of this clarification exists
register-this-is-version = This is version { $version }, kept at its permanent address.
register-read-current = Read the current version ({ $version })
register-see-every-version = see every version
register-versions = Versions
register-versions-of = Versions of { $reference }
register-versions-lede =
    Each version keeps its own address, for anyone who cited it. Editorial corrections
    fix the wording; a change of meaning is decided by the maintenance group.
register-versions-caption = Every version of { $reference }, newest first
register-issued = Issued
register-change = Change
register-note = Note
register-current-mark = (current)
register-change-editorial = Editorial correction
register-change-substantive = Corrected as the group decided
register-change-first = First publication

## An appeal made public
register-appeal-since = Under appeal since { $date }
register-appeal-pending = An appeal against this decision is being considered. The decision stands until the appeal is decided.
register-appeal-decided = Appeal decided on { $date }
register-appeal-not-allowed = The appeal against this decision was not allowed: the decision stands.
register-appeal-allowed = The appeal against this decision was allowed.

## A standard's pages
register-edition-superseded = This edition is superseded
register-edition-replaced-by = It was replaced by
register-new-requests-current = New requests concern the current edition.
register-current-edition = Current edition
register-none-on-edition = No clarification has been published on this edition yet.
register-ask-about-clause = Ask for a clarification of a clause
register-search-them = Search them
register-or-read-all = or read them all, in the order of their numbers, as
register-one-pdf = one PDF document
register-by-clause-label = Clarifications by clause
register-revision-by-clause-label = For the next revision, by clause
register-backlog-note =
    Published clarifications the maintenance group flagged for consideration when this standard is
    revised, and not yet incorporated into a new edition.
register-revision-lede =
    Published clarifications the maintenance group flagged for consideration when
    { $standard } is revised, and not yet incorporated into a new edition.
register-whole-list = The whole list: { $count } clarifications
register-about-standard = About this standard
register-group-answers = { $group } answers requests about this standard.
register-routed-by-hand = The secretariat routes requests about this standard by hand.
register-question-about-clause = A question about a clause?
register-ask-the-group-intent = Ask the maintenance group what a requirement is intended to mean.
register-follow-standard = Follow this standard
register-follow-note = Hear by e-mail of each clarification published on it, and of each one superseded or incorporated.
register-follow-by-email = Follow by e-mail
register-other-editions = Other editions
register-superseded-mark = (superseded)

## Following a standard by e-mail
register-sub-title = Follow { $standard } by e-mail
register-sub-new-lede =
    Get a message whenever a clarification of { $standard } is published, and when a
    published one is marked superseded, incorporated into a new edition or withdrawn.
register-sub-superseded-note =
    This edition is superseded. No new clarification is published on it, but its clarifications may still be
    marked incorporated or withdrawn.
register-sub-wait = Please wait before sending again
register-sub-email = E-mail address
register-sub-email-hint = We send a link to confirm it first. The address is used only for these messages and is never shown to anyone.
register-sub-follow = Follow { $standard }
register-sub-stop-link-note = Every message has a link to stop them, which works at once.
register-sub-check-email = Check your e-mail
register-sub-almost-done = Almost done
register-sub-sent-lede = If this address does not follow { $standard } yet, we have sent it a message.
register-sub-open-link = Open the link in it and press
register-sub-to-start = to start receiving news.
register-sub-link-works = The link works for 72 hours. Without confirmation nothing is sent and the address is deleted.
register-sub-no-message = No message? Look in your spam folder. If it is not there, the address may have been mistyped:
register-sub-enter-again = enter it again
register-sub-back-to = Back to { $standard }
register-sub-confirm-title = Confirm: follow { $standard }
register-sub-last-step = One last step
register-sub-confirm-heading = Follow { $standard }?
register-sub-confirm-lede =
    Press the button to confirm your e-mail address. You will then get a message whenever a
    clarification of { $standard } is published, superseded, incorporated into a new edition or withdrawn.
register-sub-did-not-ask =
    Did not ask for this? Close this page: without confirmation nothing is sent and the address is
    deleted after 72 hours.
register-sub-you-follow = You follow { $standard }
register-sub-you-now-follow = You now follow { $standard }
register-sub-following-lede =
    We will write to you whenever a clarification of { $standard } is published, and
    when a published one is marked superseded, incorporated into a new edition or withdrawn.
register-sub-address-only = Your address is used only for these messages and is never shown to anyone.
register-sub-every-message-ends =
    Every message ends with a link that stops them at once; your mail program may also offer an
    “Unsubscribe” button. You can also
register-sub-stop-following-link = stop following { $standard }
register-sub-now = now.
register-sub-read-clarifications = Read the clarifications of { $standard }
register-sub-stop-title = Stop following { $standard }
register-sub-stop-heading = Stop following { $standard }?
register-sub-stop-lede =
    You will no longer receive a message when a clarification of { $standard } is
    published or marked, and your address will be deleted.
register-sub-stop-button = Stop these messages
register-sub-keep = Keep following
register-sub-no-longer-title = You no longer follow this standard
register-sub-no-longer-about = You no longer receive messages about { $standard }
register-sub-no-longer-these = You no longer receive these messages
register-sub-deleted =
    Your address has been deleted from the list. Nothing more will be sent to it about this
    standard.
register-sub-changed-mind = Changed your mind?
register-sub-follow-again = Follow { $standard } again

## The Atom feeds
register-feed-title = { $site }: new clarifications
register-feed-standard-title = { $site }: clarifications of { $standard }
register-feed-subtitle = Answers of the maintenance groups on the intent of requirements. A clarification is no new requirement and binds no one.
register-feed-sample = A sample clarification, shown to demonstrate the register; not an answer of a maintenance group.
register-non-binding = A clarification states the consensus of the maintenance group on the intent of a requirement. It is no new requirement, binds no one, and is considered for inclusion in the standard only when the standard is revised.

## The PDF documents
register-pdf-page = page
register-pdf-corrected = Corrected { $date }
register-pdf-answered-by = Answered by
register-pdf-the-secretariat = the secretariat
register-pdf-cite-as = Cite as:
register-pdf-set-title = { $standard }: clarifications
register-pdf-set-count = { $count ->
    [one] { $count } published clarification, in the order of their numbers
   *[other] { $count } published clarifications, in the order of their numbers
}
register-pdf-compiled = Compiled { $date }

## The registry's administration: standards and new groups
register-admin-registry = Registry
register-admin-add-standard = Add a standard
register-admin-add-lede =
    A new standard, or a new edition of one already listed. The designation and the edition
    year identify it and cannot be changed later.
register-admin-designation = Designation
register-admin-designation-hint = As on the cover, without the edition year, for example ISO/IEC 17025.
register-admin-edition = Edition
register-admin-edition-hint = The year of publication, for example 2017.
register-admin-title-hint = The official English title.
register-admin-title-fr = French title
register-admin-title-fr-hint = The official French title, as ISO publishes it; French pages show the English title without it.
register-admin-responsible-group = Responsible maintenance group
register-admin-group-hint-new = The group that answers requests on this standard.
register-admin-group-hint-edit = Requests confirmed from now on go to this group; requests already routed stay where they are.
register-admin-no-group = No group yet
register-admin-supersedes = Supersedes { $standard }
register-admin-supersedes-hint = The older edition stays listed, marked as superseded, with its published clarifications; new requests concern the new edition.
register-admin-add-the-standard = Add the standard
register-admin-cancel = Cancel
register-admin-edit = Edit { $standard }
register-admin-edit-lede = The designation and edition identify the standard and its public address
register-admin-edit-lede-stay = , so they stay as they are. To record
    a new edition,
register-admin-add-as-new = add it as a new standard
register-admin-save-standard = Save the standard
register-admin-list-lede =
    Every standard and edition in the registry, with the maintenance group that answers for
    it. Superseded editions stay listed so that their clarifications remain available.
register-admin-find-standard = Find a standard by designation or title
register-admin-matching = Standards matching “{ $words }”
register-admin-none-yet = There is no standard yet.
register-admin-none-matches = No standard matches “{ $words }”.
register-admin-show-every = Show every standard
register-admin-standard-singular = standard
register-admin-standards-plural = standards
register-admin-group = Group
register-admin-actions = Actions
register-admin-by = by { $standard }
register-admin-edit-link = Edit
register-admin-new-edition = New edition
register-admin-of = of { $designation }
register-admin-pages-of-standards = Pages of standards
register-admin-groups = Maintenance groups
register-admin-add-group = Add a maintenance group
register-admin-add-a-group = Add a group
register-admin-group-lede =
    Once the group exists, add its convenor and members from its page, and make it
    responsible for standards from the standards' pages.
register-admin-code = Code
register-admin-code-hint = A short code, unique in the registry, for example MG 17025.
register-admin-name = Name
register-admin-name-hint = For example: Maintenance group for ISO/IEC 17025.
register-admin-name-fr = French name
register-admin-name-fr-hint = Shown on French pages; without it they show the English name. For example: Groupe de maintenance de l'ISO/IEC 17025.
register-admin-add-the-group = Add the group

## The search of a static copy (clarion export --site); the braced count and
## shown are filled in by static/search.js.
register-site-lede =
    A copy of the published register. Words are looked for in the clause, the question
    and the answer.
register-site-none = No clarification matches this search. Try fewer or other words, or look through a standard below.
register-site-one = 1 clarification matches.
register-site-many = {"{"}count{"}"} clarifications match.
register-site-more = The first {"{"}shown{"}"} are shown: add a word or choose a standard to narrow the search.
register-site-clause = clause
register-site-browse = Browse by standard
register-site-noscript = Searching this copy needs JavaScript. Each standard lists its clarifications clause by clause.
