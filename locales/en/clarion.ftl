## How this language writes dates (chrono's strftime and locale names).
date-format = %-d %b %Y
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
