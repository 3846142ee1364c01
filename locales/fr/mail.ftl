## Courriels (templates/email/) : les mots de chaque message que Clarion envoie.

mail-colon = ⍽:
mail-dear = Bonjour { $name },
mail-follow-your-request = Suivre votre demande
mail-open-the-request = Ouvrir la demande
mail-request-in-workspace = La demande dans l’espace de travail

## Notes citées dans le courriel d’un changement
mail-note-secretariat = La note du secrétariat
mail-note-secretariat-question = La question du secrétariat
mail-note-whom-to-contact = Qui contacter
mail-note-published-clarification = La clarification publiée
mail-note-their-answer = Sa réponse
mail-note-their-reason = Son motif
mail-note-draft-answer = Le projet de réponse
mail-note-final-answer = La réponse finale
mail-note-convenor = La note de l’animateur
mail-note-group = La note du groupe

## Un changement sur une demande (templates/email/update/) : objet et ouverture
mail-accepted-headline = nouvelle demande pour { $group }
mail-accepted-intro = Le secrétariat a accepté cette demande de clarification pour { $group } ({ $name }). L’animateur peut maintenant préparer un projet de réponse.
mail-reassigned-headline = réattribuée à { $group }
mail-reassigned-intro = Le secrétariat a attribué cette demande de clarification à { $group } ({ $name }).
mail-inadmissible-headline = votre demande ne peut pas recevoir de réponse sous forme de clarification
mail-inadmissible-specific-situation = Le secrétariat a clos votre demande, car elle porte sur une situation particulière ou demande un conseil, ce qu’une clarification ne peut pas donner.
mail-inadmissible-new-requirement = Le secrétariat a clos votre demande, car elle propose une exigence nouvelle ou modifiée, que seule une révision de la norme peut apporter.
mail-inadmissible-unclear = Le secrétariat a clos votre demande, car la question n’a pas pu être suffisamment comprise pour y répondre.
mail-inadmissible-other = Le secrétariat a clos votre demande, car elle ne peut pas recevoir de réponse sous forme de clarification.
mail-referred-headline = veuillez adresser votre question à { $committee }
mail-referred-intro = Votre question porte sur une norme de { $committee }, qui n’est pas traitée ici. Veuillez l’adresser à ce comité ; ses coordonnées figurent ci-dessous.
mail-referred-intro-noted = Votre question porte sur une norme de { $committee }, qui n’est pas traitée ici. Veuillez l’adresser à ce comité ; ses coordonnées figurent ci-dessous. Le secrétariat ajoute⍽: { $note }
mail-asked-headline = le secrétariat demande des informations complémentaires
mail-asked-intro = Le secrétariat a besoin d’informations complémentaires avant que votre demande puisse être transmise au groupe de maintenance. Veuillez répondre sur la page de votre demande dans les { $days } jours⍽; sans réponse, la demande est close.
mail-duplicate-headline = déjà traitée
mail-duplicate-intro = Une clarification publiée répond déjà à votre question⍽; votre demande est donc close. Vous pouvez la lire ici⍽:
mail-unanswered-headline = close⍽: pas de réponse dans les { $days } jours
mail-unanswered-intro = Le secrétariat vous a demandé des informations complémentaires il y a { $days } jours et aucune réponse n’est arrivée⍽; votre demande est donc close. Vous pouvez envoyer une nouvelle demande avec ces informations.
mail-endorsed-headline = soutenue par { $sponsor }
mail-endorsed-intro = { $sponsor } a soutenu votre demande⍽; le secrétariat vérifie maintenant qu’elle peut recevoir une réponse sous forme de clarification.
mail-answered-locally-headline = réponse de { $sponsor }
mail-answered-locally-intro = { $sponsor } a répondu lui-même à votre demande, ci-dessous⍽; elle n’est pas transmise au groupe de maintenance et n’est pas publiée comme clarification.
mail-answered-locally-copy-headline = réponse locale de { $sponsor }
mail-answered-locally-copy-intro = { $sponsor } a répondu lui-même à cette demande⍽; le demandeur a reçu la réponse ci-dessous. Pour information.
mail-declined-headline = non soutenue par { $sponsor }
mail-declined-intro = { $sponsor } a refusé de soutenir votre demande, pour le motif ci-dessous⍽; elle est donc close.
mail-endorsement-expired-headline = close⍽: non soutenue à temps
mail-endorsement-expired-intro = { $sponsor } n’a pas soutenu votre demande dans les { $days } jours⍽; elle est donc close. Vous pouvez l’envoyer à nouveau en nommant un autre organisme membre ou une autre organisation en liaison, ou contacter directement { $sponsor }.
mail-endorse-headline = une demande attend votre soutien
mail-endorse-reminder-headline = rappel⍽: une demande attend votre soutien
mail-endorse-intro = Chers collègues de { $sponsor },

    Un demandeur vous a désignés comme parrain de cette demande de clarification. Veuillez la soutenir (elle passe alors au secrétariat pour examen), y répondre vous-mêmes ou la refuser, depuis la page ci-dessous. Le lien ne sert qu’une fois, pendant { $days } jours à compter du premier message⍽; sans réponse, la demande est close.
mail-endorse-reminder-intro = Chers collègues de { $sponsor },

    Il y a { $ago } jours, un demandeur vous a désignés comme parrain de cette demande de clarification. Veuillez la soutenir (elle passe alors au secrétariat pour examen), y répondre vous-mêmes ou la refuser, depuis la page ci-dessous. Le lien ne sert qu’une fois, pendant { $days } jours à compter du premier message⍽; sans réponse, la demande est close.
mail-endorse-link = Soutenir, répondre ou refuser
mail-round-opened-headline = projet de réponse soumis à votre vote jusqu’au { $deadline }
mail-round-opened-intro = { $convenor } a diffusé un projet de réponse pour consensus. Veuillez voter (d’accord, d’accord avec commentaires, opposé avec un commentaire, ou abstention) au plus tard le { $deadline }.
mail-consensus-headline = consensus consigné⍽; prête à être publiée
mail-consensus-intro = { $convenor } a consigné le consensus du groupe. Le secrétariat peut maintenant publier la clarification.
mail-no-consensus-round-headline = tour clos sans consensus
mail-no-consensus-round-intro = { $convenor } a clos le tour sans consensus⍽; le groupe poursuit sur un nouveau projet.
mail-no-consensus-headline = aucun consensus n’a pu être atteint
mail-no-consensus-intro = Le groupe de maintenance n’a pas pu parvenir à un consensus sur une réponse. Votre question est conservée pour la prochaine révision de la norme.
mail-closed-no-consensus-headline = close sans consensus
mail-closed-no-consensus-intro = { $convenor } a clos la demande⍽: aucun consensus possible.
mail-published-headline = la réponse est publiée
mail-published-intro = La réponse du groupe de maintenance à votre demande est publiée. Merci de votre question.
mail-sent-back-headline = décision renvoyée au groupe
mail-sent-back-intro = { $who } a renvoyé la décision au groupe avant publication.
mail-vote-reminder-headline = veuillez voter d’ici le { $deadline }
mail-vote-reminder-intro = Le tour de consensus sur cette demande se termine le { $deadline } et votre vote n’est pas encore arrivé.

## Parties communes à chaque message (templates/email/partials/)
mail-button-fallback = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :
mail-field-reference = Référence
mail-field-reconsideration-of = Réexamen de
mail-field-correction-of = Correction de
mail-field-new-information-on = Informations nouvelles sur
mail-field-standard = Norme
mail-field-clause = Article
mail-field-question = Question
# Lignes du texte brut.
mail-line-reference = Référence : { $value }
mail-line-reconsideration-of = Réexamen de : { $value }
mail-line-correction-of = Correction de : { $value }
mail-line-new-information-on = Informations nouvelles sur : { $value }
mail-line-standard = Norme : { $value }
mail-line-clause = Article : { $value }
mail-line-question = Question : { $value }
mail-line-from = De : { $category }, { $country }
mail-line-sponsor = Parrain : { $value }
mail-line-group = Groupe : { $value }
mail-continue-in-workspace = Poursuivre dans l’espace de travail :

## Au demandeur : confirmer son adresse (confirm_request)
mail-confirm-subject = Confirmez votre demande de clarification sur { $standard }
mail-confirm-title = Confirmez votre demande de clarification
mail-confirm-received = Nous avons reçu une demande de clarification envoyée avec cette adresse électronique :
mail-confirm-prove = Pour la transmettre au secrétariat, confirmez que cette adresse est bien la vôtre.
mail-confirm-open-link = Pour la transmettre au secrétariat, confirmez que cette adresse est bien la vôtre. Ouvrez ce lien et appuyez sur le bouton « Confirmer et envoyer » :
mail-confirm-button = Confirmer et envoyer
mail-confirm-expiry = Le lien est valable 72 heures. Sans confirmation, la demande et vos coordonnées sont supprimées.
mail-confirm-not-you = Si vous n’avez pas envoyé cette demande, ignorez ce message : il ne se passera rien.

## Au demandeur, une fois la demande confirmée (acknowledgement)
mail-ack-subject = votre demande de clarification est reçue
mail-ack-subject-reconsideration = votre demande de réexamen de { $original } est reçue
mail-ack-subject-correction = votre proposition de correction de { $original } est reçue
mail-ack-subject-new-information = vos informations nouvelles sur { $original } sont reçues
mail-ack-title = Votre demande de clarification est reçue
mail-ack-confirmed = Merci : votre demande de clarification est confirmée et a été transmise au secrétariat.
mail-ack-reconsideration = Merci : votre demande de réexamen de { $original } a été transmise au secrétariat. C’est une demande à part entière, avec la référence ci-dessous ; le secrétariat l’examine, et le groupe de maintenance peut confirmer sa décision ou la réviser.
mail-ack-correction = Votre proposition de correction de { $original } a été transmise au secrétariat. C’est une demande à part entière, avec la référence ci-dessous ; une fois acceptée, le groupe de maintenance la tranche, et sa réponse devient la version suivante de la clarification.
mail-ack-new-information = Merci : vos informations nouvelles sur { $original } sont confirmées et ont été transmises au secrétariat. C’est une demande à part entière, avec la référence ci-dessous ; le groupe de maintenance peut réviser la réponse publiée.
mail-ack-track-html = Suivez-la sur sa page de suivi. Gardez ce lien pour vous : c’est votre seule clé d’accès à la demande.
mail-ack-track-text = Suivez-la ici (gardez ce lien pour vous : c’est votre seule clé d’accès à la demande) :
mail-ack-track-button = Suivre votre demande
mail-ack-next = La suite
mail-ack-step-screening = Le secrétariat vérifie que la demande peut recevoir une réponse sous forme de clarification : elle doit porter sur l’intention d’une exigence, et non demander un conseil sur une situation particulière ou une nouvelle exigence. Il peut vous demander des informations complémentaires ; vous répondez sur la page de suivi.
mail-ack-step-group = Le groupe de maintenance responsable de la norme prépare une réponse et la soumet au consensus.
mail-ack-step-published = La réponse est publiée, sans votre nom, et vous en êtes informé par courriel.
mail-ack-withdraw = Vous pouvez retirer la demande sur la page de suivi tant qu’elle est ouverte.

## Au secrétariat : une demande à examiner (new_request)
mail-new-subject = nouvelle demande sur { $standard } { $clause } à examiner
mail-new-subject-no-group = nouvelle demande sur { $standard } { $clause } à examiner (aucun groupe attribué)
mail-new-title = Nouvelle demande à examiner
mail-new-waits = Une demande de clarification confirmée attend son examen.
mail-new-from = De : { $category }, { $country }
mail-new-sponsor = Parrain : { $sponsor }
mail-new-group = Groupe responsable :
mail-new-no-group = Aucun groupe de maintenance n’est responsable de cette norme.
mail-new-assign = Attribuez-en un en acceptant la demande.
mail-new-no-group-text = ATTENTION : aucun groupe de maintenance n’est responsable de cette norme. Attribuez-en un en acceptant la demande.
mail-new-screen-text = Examinez-la dans l’espace de travail :
mail-new-button = Examiner la demande

## Au secrétariat : le demandeur a répondu (reply_received)
mail-reply-subject = le demandeur a répondu
mail-reply-title = Le demandeur a répondu
mail-reply-intro = Le demandeur a répondu à votre demande d’informations ; la demande revient à l’examen.
mail-reply-their = Sa réponse

## À qui a demandé à réinitialiser son mot de passe (password_reset)
mail-reset-subject = Réinitialisez votre mot de passe { $site }
mail-reset-title = Réinitialisez votre mot de passe
mail-reset-asked = Quelqu’un a demandé à réinitialiser le mot de passe de votre compte { $site }. Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure.
mail-reset-asked-text = Quelqu’un a demandé à réinitialiser le mot de passe de votre compte { $site }. Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :
mail-reset-button = Choisir un nouveau mot de passe
mail-reset-not-you = Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.

## À qui le secrétariat a invité (invitation)
mail-invite-subject = Vous êtes invité sur { $site }
mail-invite-title = Vous êtes invité
mail-invite-created = Le secrétariat vous a créé un compte sur { $site }, où les demandes de clarification sur les normes d’évaluation de la conformité sont examinées, discutées et tranchées.
mail-invite-role = Votre rôle
mail-role-secretariat = secrétariat
mail-role-sponsor = parrain pour { $sponsor }
mail-role-in-group = { $role ->
        [convenor] animateur
       *[member] membre
    } de { $group }
mail-role-reader = lecteur
mail-invite-accept = Pour accepter, choisissez votre mot de passe dans les 7 jours.
mail-invite-accept-text = Pour accepter, choisissez votre mot de passe dans les 7 jours :
mail-invite-button = Choisir votre mot de passe

## Au premier compte du secrétariat (welcome)
mail-welcome-subject = Votre compte de secrétariat { $site } est prêt
mail-welcome-title = Votre compte de secrétariat est prêt
mail-welcome-created = Votre compte de secrétariat sur { $site } a été créé.
mail-welcome-created-text = Votre compte de secrétariat sur { $site } a été créé. Vous pouvez vous connecter à l’adresse :
mail-welcome-sign-in = Se connecter
mail-welcome-role = En tant que secrétariat, vous examinez les nouvelles demandes de clarification, les attribuez aux groupes de maintenance, publiez leurs décisions et tenez le registre des normes, des groupes et des utilisateurs.
mail-welcome-not-you = Si vous n’avez pas créé ce compte, prévenez immédiatement votre administrateur système.

## Au secrétariat et au groupe : retrait (withdrawn)
mail-withdrawn-subject = retirée par le demandeur
mail-withdrawn-title = Demande retirée
mail-withdrawn-intro = Le demandeur a retiré cette demande de clarification ; elle est close et ne demande plus aucun travail.
mail-withdrawn-record-text = Le dossier reste dans l’espace de travail :
mail-withdrawn-button = Ouvrir le dossier
