## Ce que voient le demandeur, l’organisme parrain et la liaison, et les
## pages de connexion (clés en submit-).

submit-at-time = { $date }, { $time } UTC

## Le formulaire de demande
submit-form-lede =
    Demandez au groupe de maintenance responsable d’une norme quel est le sens voulu de l’une de ses
    exigences. Aucun compte n’est nécessaire : nous vous envoyons un lien pour confirmer votre adresse, puis un
    lien privé pour suivre votre demande.
submit-throttled-title = Veuillez patienter avant de renvoyer
submit-throttled-text = Vous avez envoyé plusieurs demandes depuis cette adresse au cours de la dernière heure. Rien n’a été enregistré cette fois ; attendez une heure puis renvoyez le formulaire — tout ce que vous avez saisi est encore là.
submit-unavailable-title = Votre demande n’a pas pu être enregistrée
submit-unavailable-text = Le service est surchargé ou sa base de données ne peut pas être écrite pour le moment. Rien n’a été enregistré : réessayez dans une minute — tout ce que vous avez saisi est encore là.
submit-your-question = Votre question
submit-standard-hint = Seules les éditions en vigueur reçoivent de nouvelles demandes.
submit-choose-standard = Choisissez une norme
submit-clause = Article
submit-clause-hint = Le numéro de l’article, par exemple 7.2.1 ou Annexe A.2.
submit-check-existing = Chercher des réponses existantes
submit-existing-none = Aucune réponse publiée sur l’article { $clause } { DE($standard) } pour l’instant
submit-existing-count = { $count ->
    [one] { $count } réponse publiée sur l’article { $clause } { DE($standard) }
   *[other] { $count } réponses publiées sur l’article { $clause } { DE($standard) }
}
submit-existing-none-text = Personne n’a encore posé de question sur cet article, ou aucune réponse n’est encore publiée. Poursuivez avec votre question ci-dessous.
submit-existing-read-first = Votre question a peut-être déjà une réponse. Lisez d’abord celles-ci :
submit-existing-item = article { $clause } :
submit-question = Question
submit-question-hint = Une seule question sur le sens voulu de l’exigence, à laquelle on puisse répondre par oui ou par non si possible. De 20 à 5 000 caractères.
submit-background = Contexte
submit-background-hint = Pourquoi le texte vous semble peu clair, et comment il est lu en pratique. Ne nommez pas d’organisme et ne décrivez pas de cas particulier.
submit-your-proposed-answer = La réponse que vous proposez
submit-proposed-answer-hint = Comment l’exigence devrait selon vous être comprise.
submit-about-you = À propos de vous
submit-about-you-hint = Votre nom et votre adresse ne servent qu’au traitement de cette demande. Ils ne sont jamais publiés.
submit-full-name = Nom complet
submit-email = Adresse électronique
submit-email-hint = Nous y envoyons le lien de confirmation.
submit-organization = Organisme
submit-country = Pays
submit-choose-country = Choisissez un pays
submit-category = Vous demandez au titre de
submit-choose-one = Choisissez
submit-category-iso-member-body = Organisme membre de l’ISO
submit-category-liaison-organization = Organisation en liaison
submit-category-accreditation-body = Organisme d’accréditation
submit-category-conformity-assessment-body = Organisme d’évaluation de la conformité
submit-category-regulator = Autorité de réglementation
submit-category-industry-or-user = Industrie ou utilisateur
submit-category-other = Autre
submit-own-sponsor = Parrain : { $sponsor }
submit-own-sponsor-text = Vous envoyez cette demande pour votre organisme, qui la parraine : une fois son adresse électronique confirmée, elle va directement au secrétariat pour examen.
submit-sponsor = Organisme membre ou liaison qui parrainera votre demande
submit-sponsor-hint = Les demandes parviennent au secrétariat par un organisme membre de l’ISO ou une organisation en liaison A, qui les parraine, peut y répondre lui-même ou les refuse. L’organisme membre de votre pays figure en premier.
submit-before-you-send = Avant d’envoyer
submit-confirm-intent = Ma question porte sur le sens voulu d’une exigence de la norme.
submit-confirm-not-specific-case = Je ne demande pas de conseil sur une situation, un organisme ou une évaluation en particulier.
submit-confirm-not-new-requirement = Je ne propose pas d’exigence nouvelle ou modifiée.
submit-confirm-publication = La question et sa réponse peuvent être publiées, sans mon nom.
submit-send-request = Envoyer la demande
submit-guidance-what = La position du groupe de maintenance, obtenue par consensus, sur le sens <strong>voulu</strong> d’une exigence.
submit-guidance-not =
    Ce n’est <strong>pas</strong> un conseil sur votre cas particulier, un avis sur la conformité d’un organisme,
    ni une nouvelle exigence. Elle n’a aucun effet contraignant ; elle est prise en compte à la prochaine révision de la norme.
submit-guidance-how = Bien poser sa question
submit-guidance-one-question = Une seule question, sur un seul article.
submit-guidance-quote = Citez les mots qui ne sont pas clairs.
submit-guidance-yes-no = Formulez-la pour qu’on puisse répondre par oui ou par non.
submit-guidance-no-names = Omettez les noms d’organismes et les détails d’un cas.
submit-guidance-example = Un exemple
submit-guidance-example-clause = ISO/IEC 17025:2017, article 7.2.1.5
submit-guidance-example-text = « L’exigence de vérifier qu’un laboratoire peut appliquer correctement une méthode normalisée s’applique-t-elle de nouveau lorsque la méthode est révisée, si la révision ne change pas la technique ? »

## Après le formulaire : le courriel à vérifier, la confirmation
submit-sent-title = Consultez votre messagerie
submit-sent-eyebrow = C’est presque fini
submit-sent-lede-before = Nous avons envoyé un message à l’adresse indiquée. Ouvrez le lien qu’il contient et appuyez sur
submit-sent-lede-after = pour transmettre votre demande au secrétariat.
submit-sent-72-hours = Le lien est valable 72 heures. Sans confirmation, votre demande et vos coordonnées sont supprimées.
submit-sent-no-message = Pas de message ? Regardez dans vos courriers indésirables. S’il n’y est pas, l’adresse a peut-être été mal saisie :
submit-sent-fill-again = remplissez de nouveau le formulaire
submit-sent-after = Après confirmation, vous recevez une référence (CR-…) et un lien privé pour suivre la demande.
submit-confirm-title = Confirmez votre demande
submit-confirm-eyebrow = Une dernière étape
submit-confirm-lede = Appuyez sur le bouton pour confirmer votre adresse électronique et envoyer cette demande au secrétariat.
submit-confirm-button = Confirmer et envoyer
submit-confirm-not-yours = Vous n’avez rien envoyé ? Fermez cette page : sans confirmation, la demande est supprimée au bout de 72 heures.
submit-reconsideration-of = Réexamen de
submit-correction-of = Correction de
submit-new-information-on = Nouvelles informations sur
submit-your-reasons = Vos motifs
submit-what-correction-changes = Ce que change la correction
submit-your-information = Vos informations
submit-already-confirmed-title = Déjà confirmée
submit-already-confirmed-heading = Cette demande est déjà confirmée
submit-already-confirmed-text =
    Il n’y a plus rien à faire ici. L’accusé de réception que nous vous avons envoyé contient la référence et le
    lien privé pour suivre la demande.

## La page de suivi du demandeur
submit-your-request = Votre demande
submit-track-eyebrow = Votre demande de clarification
submit-track-reconsideration-of = Votre demande de réexamen de
submit-track-correction-of = Votre proposition de correction de
submit-track-new-information-on = Vos nouvelles informations sur
submit-window-not-decided = La demande n’est pas encore tranchée : il n’y a pas de décision à réexaminer.
submit-window-open-until = Vous pouvez demander un réexamen jusqu’au { $when }.
submit-window-closed = { $count ->
    [one] Le délai pour demander un réexamen a pris fin le { $when }, { $count } jour après la décision.
   *[other] Le délai pour demander un réexamen a pris fin le { $when }, { $count } jours après la décision.
}
submit-window-asked = Vous avez déjà demandé un réexamen
submit-window-once = Une décision n’est réexaminée qu’une fois.
submit-window-final = Il s’agit de la décision sur un réexamen ; elle n’est pas réexaminée de nouveau.
submit-with-liaisons = La réponse est soumise aux liaisons : les organisations consultées avant publication peuvent la commenter jusqu’au { $date }.
submit-reply-not-sent = Votre réponse n’a pas été envoyée
submit-reply-kept = Ce que vous avez écrit est conservé ci-dessous : lisez la demande telle qu’elle est maintenant, puis envoyez de nouveau.
submit-reply-shown = La demande n’attend plus votre réponse. Voici ce que vous avez écrit, pour que vous puissiez le conserver :
submit-reconsideration-not-sent = Votre demande de réexamen n’a pas été envoyée
submit-follows-reconsideration = Le secrétariat l’examine comme une nouvelle demande ; le groupe de maintenance peut confirmer sa décision ou la réviser.
submit-follows-correction = Le secrétariat l’examine comme une nouvelle demande ; le groupe de maintenance statue sur la correction, et sa réponse devient la version suivante de la clarification.
submit-follows-new-information = Le secrétariat l’examine comme une nouvelle demande ; le groupe de maintenance peut réviser la réponse publiée.
submit-now-published-title = La réponse est publiée
submit-read-published = Lire la clarification publiée { $reference }
submit-as-published = Telle qu’elle sera publiée
submit-as-published-note = Le secrétariat formule chaque question publiée sans nom, sur le sens voulu d’une exigence. Vos propres termes restent au dossier et ne sont jamais publiés.
submit-messages = Échanges avec le secrétariat
submit-secretariat-asked = Question du secrétariat, le { $when }
submit-you-replied = Votre réponse, le { $when }
submit-your-reply = Votre réponse
submit-reply-hint = Répondez à la question du secrétariat. Votre demande retourne ensuite à l’examen.
submit-send-reply = Envoyer la réponse
submit-ask-reconsideration = Demander un réexamen
submit-reconsideration-if = Si vous estimez que la décision est erronée, vous pouvez en demander le réexamen jusqu’au { $when }. Votre demande est examinée comme une nouvelle, avec sa propre référence, et le groupe de maintenance peut confirmer la décision ou la réviser.
submit-reasons-hint = Expliquez pourquoi la décision devrait changer : ce qui a été mal compris ou pas pris en compte. 5 000 caractères au plus.
submit-reconsideration = Réexamen
submit-progress = Avancement
submit-stage-received = Reçue
submit-stage-screening = Examen par le secrétariat
submit-stage-with-group = Au groupe de maintenance
submit-stage-decided = Tranchée
submit-stage-published = Publiée
submit-stage-closed = Close
submit-stage-now = en cours
submit-changed-mind = Vous avez changé d’avis ?
submit-changed-mind-text = Vous pouvez retirer la demande tant qu’elle est ouverte.
submit-withdraw-the-request = Retirer la demande
submit-keep-private = Gardez l’adresse de cette page pour vous : c’est votre seule clé d’accès à la demande.
submit-withdraw-title = Retirer votre demande
submit-withdraw-heading = Retirer votre demande ?
submit-withdraw-lede =
    La demande sur l’article { $clause } { DE($standard) } sera close et le groupe de maintenance
    n’y répondra pas. C’est irréversible ; vous pourrez toujours envoyer une nouvelle demande.
submit-withdraw-yes = Oui, la retirer
submit-withdrawal-not-done = Votre demande n’a pas été retirée
submit-withdraw-no = Non, la conserver

## Le parrainage d’une demande
submit-the-request = La demande
submit-endorsed = Demande parrainée
submit-answer-sent = Réponse envoyée
submit-declined = Demande refusée
submit-endorsed-text = Merci. La demande part au secrétariat pour examen, avec votre organisme comme parrain ; le demandeur en est informé.
submit-answer-sent-text = Merci. Votre réponse a été envoyée au demandeur, avec copie au secrétariat, et la demande est close.
submit-declined-text = Le demandeur est informé de votre motif, et la demande est close.
submit-link-used = Le lien que vous avez suivi ne fonctionne plus.
submit-endorse-title = Parrainer { $reference }
submit-endorse-a-request = Parrainer une demande
submit-endorse-for = Pour { $acronym } — { $name }
submit-endorse-heading = Une demande de clarification attend votre parrainage
submit-endorse-lede-link = Le demandeur a désigné { $acronym } comme organisme membre ou liaison pour parrainer cette demande. Parrainez-la pour l’envoyer au secrétariat pour examen, répondez-y vous-mêmes ou refusez-la. Ce lien ne sert qu’une fois, jusqu’au { $date }.
submit-endorse-lede-account = Le demandeur a désigné { $acronym } comme organisme membre ou liaison pour parrainer cette demande. Parrainez-la pour l’envoyer au secrétariat pour examen, répondez-y vous-mêmes ou refusez-la, jusqu’au { $date }.
submit-endorse-back = Retour aux demandes { DE($acronym) }
submit-nothing-sent = Rien n’a été envoyé
submit-choose-a-button = Choisissez l’un des trois boutons ci-dessous.
submit-proposed-answer = Réponse proposée
submit-submitted-by = Soumise par
submit-endorse = Parrainer
submit-endorse-text = La demande part au secrétariat, qui vérifie qu’elle peut recevoir une réponse sous forme de clarification ; { $acronym } y figure comme parrain.
submit-endorse-button = Parrainer la demande
submit-answer-yourselves = Y répondre vous-mêmes
submit-your-answer = Votre réponse
submit-answer-hint = Le demandeur la reçoit par courriel, et le secrétariat une copie ; elle n’est pas publiée. La demande est ensuite close.
submit-send-answer = Envoyer la réponse
submit-decline = Refuser
submit-why-decline = Pourquoi vous refusez
submit-decline-hint = Le demandeur reçoit votre motif par courriel. La demande est ensuite close.
submit-decline-button = Refuser de parrainer

## L’examen d’une réponse par une liaison avant publication
submit-review-title = Examen avant publication
submit-liaison-consultation = Consultation des liaisons
submit-review-lede = Le groupe de maintenance a arrêté la réponse ci-dessous. Avant sa publication, { $acronym } peut indiquer qu’il n’a pas d’objection, ou envoyer des commentaires au secrétariat, jusqu’au { $when }. Cette page est réservée à votre organisation.
submit-review-not-recorded = Votre réponse n’a pas été enregistrée
submit-review-answered-already = { $acronym } a déjà répondu ; on ne répond qu’une fois.
submit-review-ended = La consultation sur cette réponse est terminée.
submit-the-question = La question
submit-decided-answer = La réponse arrêtée
submit-review-sent-comments = { $acronym } a envoyé des commentaires
submit-review-no-objection-given = { $acronym } n’a pas d’objection
submit-review-recorded-on = Enregistré le { $when }.
submit-review-response = La réponse du secrétariat
submit-review-what-says = Que dit { $acronym } ?
submit-review-no-objection = Pas d’objection à la publication
submit-review-comments-choice = Des commentaires pour le secrétariat et le groupe
submit-review-your-comments = Vos commentaires
submit-review-comments-hint = Avec des commentaires : ce qui devrait changer dans la réponse, et pourquoi. Le secrétariat répond avant de publier, ou renvoie la réponse au groupe.
submit-review-once = On ne répond qu’une fois ; vous pourrez relire votre réponse ici.
submit-review-ended-unanswered = La consultation sur cette réponse s’est terminée sans réponse { DE($acronym) }.

## Quel comité répond à une question sur une autre norme
submit-refer-title = Quel comité répond à votre question ?
submit-refer-lede =
    Seules les demandes sur les normes d’évaluation de la conformité du comité de l’ISO pour
    l’évaluation de la conformité (CASCO) sont traitées ici. Les questions sur les autres normes vont au comité
    qui en est responsable. Saisissez la norme pour savoir lequel.
submit-refer-placeholder = p. ex. ISO 9001 ou ISO/IEC 27001:2022
submit-refer-find = Trouver le comité
submit-refer-ours = { $standard } est traitée ici
submit-refer-ask = Demander une clarification { DE($standard) }
submit-refer-theirs = { $designation } relève du { $committee }
submit-refer-send-there = Adressez votre question au secrétaire de ce comité ; elle ne peut pas recevoir de réponse ici.
submit-refer-unknown = Nous ne savons pas qui est responsable de « { $designation } »
submit-refer-unknown-text =
    Vérifiez la référence sur la couverture de la norme. Les normes ISO sont tenues à jour par des comités
    techniques, dont les secrétaires répondent aux questions qui les concernent. Votre organisme national de
    normalisation (le membre de l’ISO de votre pays) peut vous dire quel comité est responsable et comment le joindre.
submit-refer-listed-before = Si la norme fait partie des
submit-refer-listed-link = normes d’évaluation de la conformité listées ici
submit-refer-listed-after = , choisissez-la plutôt dans la liste.

## Nouvelles informations sur une clarification publiée
submit-new-information-title = Nouvelles informations sur { $reference }
submit-breadcrumb = Fil d’Ariane
submit-new-information = Nouvelles informations
submit-new-information-lede =
    Si vous savez quelque chose que le groupe de maintenance n’a pas pris en compte dans sa réponse — une
    exigence modifiée, un cas auquel la réponse ne convient pas —, dites-le au secrétariat. C’est examiné comme une
    nouvelle demande et, si le groupe révise sa réponse, la nouvelle réponse remplace celle-ci.
submit-published-question = La question publiée
submit-clause-number = Article { $clause }
submit-read-clarification = Lire la clarification et sa réponse
submit-the-new-information = Les nouvelles informations
submit-new-information-hint = Ce que le groupe devrait prendre en compte, et en quoi cela touche la réponse. 5 000 caractères au plus. Elles peuvent être publiées sans votre nom.
submit-your-name = Votre nom
submit-your-email = Votre adresse électronique
submit-your-email-hint = Nous envoyons d’abord un lien pour la confirmer ; vous recevez ensuite une référence et un lien privé pour suivre la suite donnée. Jamais publiée.
submit-send-information = Envoyer les informations

## Le bureau d’un organisme parrain
submit-desk-title = Demandes { DE($acronym) }
submit-desk-lede = Les demandes de clarification qui désignent { $acronym } comme parrain, et celles qui attendent sa décision.
submit-desk-send-before = Les demandes que vous
submit-desk-send-link = envoyez par le formulaire
submit-desk-send-after = en étant connecté sont parrainées par { $acronym } et vont directement au secrétariat pour examen.
submit-desk-awaiting = En attente de votre décision
submit-desk-awaiting-none = Aucune demande n’attend la décision { DE($acronym) }.
submit-desk-awaiting-caption = Demandes en attente de la décision { DE($acronym) }
submit-desk-request = Demande
submit-desk-answer-by = Réponse avant le
submit-desk-all = Toutes les demandes { DE($acronym) }
submit-desk-all-none = Aucune demande ne désigne encore { $acronym } comme parrain.
submit-desk-all-caption = Demandes désignant { $acronym } comme parrain
submit-desk-request-noun = demande
submit-desk-requests = demandes
submit-desk-state = État
submit-desk-submitted = Soumise le
submit-desk-pages = Pages de demandes

## Mise en service, connexion, mots de passe
submit-setup-title = Créer le compte du secrétariat
submit-setup-eyebrow = Première mise en service
submit-setup-lede =
    Ce lien à usage unique crée le premier compte. Le secrétariat examine les demandes, publie les
    décisions et invite toutes les autres personnes. Le lien cesse de fonctionner une fois le compte créé.
submit-setup-email-hint = Vous vous connectez avec elle ; les courriels du site y arrivent.
submit-password = Mot de passe
submit-password-again = Mot de passe, à nouveau
submit-setup-password-hint = Au moins 12 caractères. Quelques mots sans rapport entre eux en font un solide.
submit-setup-button = Créer le compte
submit-setup-used-title = Lien de mise en service déjà utilisé
submit-setup-used-heading = Ce lien de mise en service a déjà servi — connectez-vous
submit-setup-used-text =
    Il a créé le premier compte du secrétariat et ne fonctionne donc plus. Connectez-vous avec l’adresse
    électronique et le mot de passe de ce compte.
submit-forgot = Mot de passe oublié ?
submit-forgot-lede =
    Saisissez l’adresse avec laquelle vous vous connectez. Si elle correspond à un compte, nous envoyons un lien
    pour choisir un nouveau mot de passe ; il est valable une heure.
submit-forgot-sent =
    Si l’adresse correspond à un compte, un lien est en route. Pas de message d’ici quelques minutes ? Regardez
    dans les courriers indésirables, ou adressez-vous au secrétariat.
submit-forgot-throttled-title = Trop de liens demandés
submit-forgot-throttled-text =
    Des liens pour cette adresse, ou depuis l’endroit où vous êtes, ont été demandés plusieurs fois au cours de la
    dernière heure. Rien n’a été envoyé cette fois : utilisez un lien déjà reçu, ou réessayez dans une heure.
submit-forgot-button = Envoyer le lien
submit-login-lede =
    Pour le secrétariat et les membres des groupes de maintenance. Pour poser une question, aucun compte
    n’est nécessaire :
submit-login-ask = demandez une clarification
submit-logout-lede = Il vous faudra votre mot de passe pour revenir dans l’espace de travail.
submit-password-choose-new = Choisir un nouveau mot de passe
submit-password-welcome = Bienvenue : choisissez votre mot de passe
submit-password-for =
    Pour { $name } ({ $email }). Au moins 12 caractères ; quelques mots sans rapport entre eux font un mot de
    passe solide.
submit-link-gone = Ce lien ne fonctionne plus
submit-link-gone-reset-why =
    Un lien pour choisir un nouveau mot de passe fonctionne une fois,
    pendant une heure, et plus après un changement du mot de passe par un
    autre lien. Demandez-en un nouveau : il vous parvient en quelques
    minutes.
submit-link-gone-invitation = Cette invitation ne fonctionne plus
submit-link-gone-invitation-why =
    Une invitation fonctionne une fois, pendant sept jours. Si vous avez
    choisi votre mot de passe avec elle, connectez-vous. Sinon, demandez un
    lien pour choisir votre mot de passe : il est envoyé à l’adresse à
    laquelle vous avez été invité.
submit-link-gone-ask = Demander un lien pour choisir un mot de passe
submit-link-gone-confirmation-why =
    Un lien pour confirmer une demande de clarification fonctionne pendant
    72 heures. Si vous avez confirmé votre demande, son lien de suivi vous
    est parvenu par courriel. Sinon, la demande et vos coordonnées ont été
    supprimées : posez de nouveau votre question.
submit-link-gone-subscription-why =
    Un lien pour confirmer que vous suivez une norme fonctionne pendant
    72 heures. Demandez-le de nouveau depuis la page de la norme : un
    nouveau lien vous parvient en quelques minutes.
submit-link-gone-standards = Parcourir les normes
submit-link-gone-tracking-why =
    Un lien de suivi cesse de fonctionner quand les données personnelles de
    la demande sont effacées, quelque temps après sa décision, pour ne rien
    garder de plus que ce dont le processus a besoin. La réponse d’une
    demande à laquelle il a été répondu reste publiée.
submit-link-gone-search = Rechercher dans les clarifications publiées
submit-link-gone-review-why =
    Un lien pour relire une réponse décidée avant sa publication fonctionne
    pour une consultation. Un rappel porte un nouveau lien, et celui envoyé
    avant lui cesse de fonctionner ; si le groupe décide de nouveau, une
    nouvelle consultation envoie de nouveaux liens. Une réponse que votre
    organisation a donnée avec le lien a été enregistrée.
submit-link-gone-endorsement-why =
    Un lien pour parrainer une demande fonctionne une fois, tant que la
    demande attend son parrain. Si vous avez répondu avec lui, votre réponse
    a été enregistrée et le demandeur en a été informé. Un rappel porte un
    nouveau lien, et celui envoyé avant lui cesse de fonctionner. Si votre
    organisation a un compte, ses demandes l’attendent dans sa file une fois
    connecté.
submit-password-new = Nouveau mot de passe
submit-password-new-again = Nouveau mot de passe, à nouveau
submit-password-save = Enregistrer le mot de passe
