## Choisir la langue d’un compte ou des courriels d’une organisation
admin-language-default = La langue par défaut ({ $language })
admin-invite-language = Langue
admin-invite-language-hint = L’invitation, puis les courriels et les pages du compte jusqu’à ce que la personne en choisisse une autre, sont dans cette langue.
admin-organisation-language = Langue de ses courriels
admin-organisation-language-hint = Les courriels envoyés à son adresse de contact (demandes d’approbation, consultations) sont écrits dans cette langue.
form-language-offered = Choisissez l’une des langues proposées.
