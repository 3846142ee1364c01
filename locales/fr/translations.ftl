# Versions françaises des clarifications (ticket 24, point 4) : leur saisie
# dans l’espace de travail, et leur affichage dans le registre public.

action-done-translate = Version française saisie

## L’espace de travail : la carte de la page de la demande, le formulaire et ses bandeaux.
tr-card-heading = Version française
tr-card-note = Le texte anglais fait foi. Une version française saisie avant la publication est publiée avec elle ; saisie après, elle l’est aussitôt. La saisir de nouveau la remplace.
tr-card-link = Saisir ou modifier la version française
tr-title = Version française de { $reference }
tr-breadcrumb = Version française
tr-heading = Version française de { $reference }
tr-lede-decided = La question et la réponse en français, telles que les lecteurs francophones les verront une fois la clarification publiée.
tr-lede-published = La question et la réponse en français, telles que les lecteurs francophones du registre les verront désormais.
tr-entered-on = La version française du registre a été saisie le { $date }, d’après la version { $version } du texte anglais.
tr-outdated-form = Le texte anglais a été corrigé depuis (version { $version }) : mettez la version française à jour.
tr-english-heading = Le texte anglais traduit
tr-question-label = Question en français
tr-answer-label = Réponse en français
tr-submit-decided = Enregistrer la version française
tr-submit-published = Publier la version française
tr-done-public = La version française est enregistrée et publiée.
tr-done-with-publication = La version française est enregistrée : elle sera publiée avec la clarification.
tr-form-question-missing = Rédigez la question en français.
tr-form-answer-missing = Rédigez la réponse en français.
tr-form-question-too-long = Raccourcissez la question à 10 000 caractères au plus.
tr-form-answer-too-long = Raccourcissez la réponse à 10 000 caractères au plus.
tr-form-hidden-formatting = Retirez de ce texte les caractères de mise en forme invisibles.

## Le registre public.
tr-translated-title = Traduit de l’anglais
tr-translated-note = Le texte anglais fait foi.
tr-translates-version = Cette traduction porte sur la version { $of } du texte anglais ; la version affichée est la version { $version }.
tr-read-english = Lire le texte anglais de référence
tr-english-only = Il n’existe pas de version française de cette clarification : le texte anglais est affiché.
tr-also-in-french = Cette clarification est aussi publiée en français.
tr-list-english-note = Celles qui n’ont pas de version française sont affichées en anglais, le texte de référence.
tr-question-reworded = La question anglaise a été reformulée après la saisie de la version française : vérifiez la question française.
tr-card-outdated = Le texte anglais a changé depuis la saisie de la version française : mettez celle-ci à jour.
tr-pdf-english-question = Question en anglais, texte de référence
tr-pdf-english-answer = Réponse en anglais, texte de référence
mail-published-translated = Traduit de l’anglais. Le texte anglais, qui fait foi, figure sur la page de la clarification.
