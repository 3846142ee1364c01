# French versions of clarifications (issue 24, item 4): entering them in
# the workspace, and how the public pages show them.

action-done-translate = Entered the French version

## The workspace: the request page's card, the form and its banners.
tr-card-heading = French version
tr-card-note = The English is the reference text. A French version entered before publication goes public with it; entered after, at once. Entering it again replaces it.
tr-card-link = Enter or edit the French version
tr-title = French version of { $reference }
tr-breadcrumb = French version
tr-heading = French version of { $reference }
tr-lede-decided = The question and answer in French, as French readers will see them once the clarification is published.
tr-lede-published = The question and answer in French, as French readers of the register see them from now on.
tr-entered-on = The French version in the register was entered on { $date }, from version { $version } of the English.
tr-outdated-form = The English has been corrected since (version { $version }): bring the French up to date.
tr-english-heading = The English text it translates
tr-question-label = Question in French
tr-answer-label = Answer in French
tr-submit-decided = Save the French version
tr-submit-published = Publish the French version
tr-done-public = The French version is saved and published.
tr-done-with-publication = The French version is saved: it will be published with the clarification.
tr-form-question-missing = Write the question in French.
tr-form-answer-missing = Write the answer in French.
tr-form-question-too-long = Shorten the question to at most 10,000 characters.
tr-form-answer-too-long = Shorten the answer to at most 10,000 characters.
tr-form-hidden-formatting = Remove the invisible formatting characters from this text.

## The public register.
tr-translated-title = Translated from English
tr-translated-note = The English text is the reference text.
tr-translates-version = This translation is of version { $of } of the English; the version shown is version { $version }.
tr-read-english = Read the English reference text
tr-english-only = There is no French version of this clarification: the English text is shown.
tr-also-in-french = This clarification is also published in French.
tr-list-english-note = Those without a version in this language are shown in English, the reference text.
tr-question-reworded = The English question was reworded after the French version was entered: check the French question against it.
tr-card-outdated = The English changed after the French version was entered: bring the French up to date.
tr-pdf-english-question = Question in English, the reference text
tr-pdf-english-answer = Answer in English, the reference text
mail-published-translated = Translated from English. The English text, which is the reference, is on the clarification's page.
