## Choosing the language of an account or an organisation's mail
admin-language-default = The default ({ $language })
admin-invite-language = Language
admin-invite-language-hint = The invitation, and the account's mail and pages until the person chooses another, are in this language.
admin-organisation-language = Language of its mail
admin-organisation-language-hint = Mail to its contact address (requests to endorse, consultations) is written in this language.
form-language-offered = Choose one of the languages offered.
