## Courriels (templates/email/) : les mots de chaque message que Clarion envoie.

mail-colon =  :
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
mail-referred-intro = Votre question porte sur une norme { DE($committee) }, qui n’est pas traitée ici. Veuillez l’adresser à ce comité ; ses coordonnées figurent ci-dessous.
mail-referred-intro-noted = Votre question porte sur une norme { DE($committee) }, qui n’est pas traitée ici. Veuillez l’adresser à ce comité ; ses coordonnées figurent ci-dessous. Le secrétariat ajoute : { $note }
mail-asked-headline = le secrétariat demande des informations complémentaires
mail-asked-intro = Le secrétariat a besoin d’informations complémentaires avant que votre demande puisse être transmise au groupe de maintenance. Veuillez répondre sur la page de votre demande dans les { $days } jours ; sans réponse, la demande est close.
mail-duplicate-headline = déjà traitée
mail-duplicate-intro = Une clarification publiée répond déjà à votre question ; votre demande est donc close. Vous pouvez la lire ici :
mail-unanswered-headline = close : pas de réponse dans les { $days } jours
mail-unanswered-intro = Le secrétariat vous a demandé des informations complémentaires il y a { $days } jours et aucune réponse n’est arrivée ; votre demande est donc close. Vous pouvez envoyer une nouvelle demande avec ces informations.
mail-endorsed-headline = soutenue par { $sponsor }
mail-endorsed-intro = { $sponsor } a soutenu votre demande ; le secrétariat vérifie maintenant qu’elle peut recevoir une réponse sous forme de clarification.
mail-answered-locally-headline = réponse { DE($sponsor) }
mail-answered-locally-intro = { $sponsor } a répondu lui-même à votre demande, ci-dessous ; elle n’est pas transmise au groupe de maintenance et n’est pas publiée comme clarification.
mail-answered-locally-copy-headline = réponse locale { DE($sponsor) }
mail-answered-locally-copy-intro = { $sponsor } a répondu lui-même à cette demande ; le demandeur a reçu la réponse ci-dessous. Pour information.
mail-declined-headline = non soutenue par { $sponsor }
mail-declined-intro = { $sponsor } a refusé de soutenir votre demande, pour le motif ci-dessous ; elle est donc close.
mail-endorsement-expired-headline = close : non soutenue à temps
mail-endorsement-expired-intro = { $sponsor } n’a pas soutenu votre demande dans les { $days } jours ; elle est donc close. Vous pouvez l’envoyer à nouveau en nommant un autre organisme membre ou une autre organisation en liaison, ou contacter directement { $sponsor }.
mail-endorse-headline = une demande attend votre soutien
mail-endorse-reminder-headline = rappel : une demande attend votre soutien
mail-endorse-intro = Chers collègues { DE($sponsor) },

    Un demandeur vous a désignés comme parrain de cette demande de clarification. Veuillez la soutenir (elle passe alors au secrétariat pour examen), y répondre vous-mêmes ou la refuser, depuis la page ci-dessous. Le lien ne sert qu’une fois, pendant { $days } jours à compter du premier message ; sans réponse, la demande est close.
mail-endorse-reminder-intro = Chers collègues { DE($sponsor) },

    Il y a { $ago } jours, un demandeur vous a désignés comme parrain de cette demande de clarification. Veuillez la soutenir (elle passe alors au secrétariat pour examen), y répondre vous-mêmes ou la refuser, depuis la page ci-dessous. Le lien ne sert qu’une fois, pendant { $days } jours à compter du premier message ; sans réponse, la demande est close.
mail-endorse-link = Soutenir, répondre ou refuser
mail-round-opened-headline = projet de réponse soumis à votre vote jusqu’au { $deadline }
mail-round-opened-intro = { $convenor } a diffusé un projet de réponse pour consensus. Veuillez voter (d’accord, d’accord avec commentaires, opposé avec un commentaire, ou abstention) au plus tard le { $deadline }.
mail-consensus-headline = consensus consigné ; prête à être publiée
mail-consensus-intro = { $convenor } a consigné le consensus du groupe. Le secrétariat peut maintenant publier la clarification.
mail-no-consensus-round-headline = tour clos sans consensus
mail-no-consensus-round-intro = { $convenor } a clos le tour sans consensus ; le groupe poursuit sur un nouveau projet.
mail-no-consensus-headline = aucun consensus n’a pu être atteint
mail-no-consensus-intro = Le groupe de maintenance n’a pas pu parvenir à un consensus sur une réponse. Votre question est conservée pour la prochaine révision de la norme.
mail-closed-no-consensus-headline = close sans consensus
mail-closed-no-consensus-intro = { $convenor } a clos la demande : aucun consensus possible.
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

## Aux abonnés d’une norme (clarification_published, _marked, _corrected)
mail-follow-because = Vous recevez ce message parce que vous suivez { $standard } sur { $site }
mail-follow-because-on = Vous recevez ce message parce que vous suivez { $standard } sur
mail-follow-stop = Ne plus recevoir ces messages
mail-follow-stop-text = Pour ne plus recevoir ces messages, ouvrez :
mail-read-clarification = Lire la clarification
mail-read-corrected = Lire la clarification corrigée
mail-published-subject = nouvelle clarification { DE($standard) }, article { $clause }
mail-published-title = Nouvelle clarification { DE($standard) }
mail-published-new = Une nouvelle clarification { DE($standard) } est publiée.
mail-published-answer = La réponse
mail-published-non-binding = Une clarification exprime le consensus du groupe de maintenance sur l’intention d’une exigence. Ce n’est pas une nouvelle exigence et elle n’a aucun effet contraignant ; elle est prise en compte lors de la prochaine révision de la norme.
mail-published-read-text = Lisez-la sur le site :
mail-mark = { $mark ->
        [superseded] remplacée
        [incorporated] intégrée dans une nouvelle édition
       *[withdrawn] retirée
    }
mail-marked-subject = { $reference } { DE($standard) } : { mail-mark }
mail-marked-title = Une clarification { DE($standard) } : { mail-mark }
mail-marked-intro = Le secrétariat a marqué une clarification { DE($standard) } comme { mail-mark }.
mail-marked-readable = La question et la réponse restent lisibles sur le site, avec cette mention au-dessus.
mail-marked-readable-text = La question et la réponse restent lisibles sur le site, avec cette mention au-dessus :
mail-corrected-subject = { $reference } { DE($standard) } : corrigée (version { $version })
mail-corrected-subject-unnumbered = Une clarification { DE($standard) } : corrigée (version { $version })
mail-corrected-title = Une clarification { DE($standard) } : corrigée
mail-corrected-intro = { $by ->
        [group] Le groupe de maintenance a décidé une version corrigée
       *[secretariat] Le secrétariat a publié une version corrigée
    } (version { $version }) d’une clarification { DE($standard) }.
mail-corrected-what = Ce qui a été corrigé
mail-corrected-now = La réponse se lit désormais ainsi
mail-corrected-previous = La version qu’elle remplace garde sa propre adresse

## À qui a demandé à suivre une norme (confirm_subscription)
mail-hello = Bonjour,
mail-subscribe-subject = Confirmez que vous souhaitez suivre { $standard }
mail-subscribe-asked = Quelqu’un, nous espérons que c’est vous, a demandé à recevoir un courriel de { $site } chaque fois qu’une clarification { DE($standard) } est publiée, ou plus tard marquée comme remplacée, intégrée dans une nouvelle édition ou retirée.
mail-subscribe-open-link = Pour commencer à recevoir ces messages, ouvrez ce lien et appuyez sur le bouton « Suivre { $standard } » :
mail-subscribe-prove = Pour commencer à recevoir ces messages, confirmez que cette adresse est bien la vôtre.
mail-subscribe-button = Suivre { $standard }
mail-subscribe-expiry = Le lien est valable 72 heures. Si vous n’avez rien demandé, ignorez ce message : rien ne sera envoyé et l’adresse est supprimée.
mail-subscribe-privacy = Votre adresse ne sert qu’à ces messages et n’est jamais montrée à personne.

## Aux animateurs : une opposition (opposition)
mail-opposition-subject = opposition { DE($voter) }
mail-opposition-title = Opposition { DE($voter) }
mail-opposition-intro = { $voter } s’est opposé au projet de réponse lors du tour de consensus sur cette demande. Le consensus ne peut pas être consigné tant que vous n’avez pas répondu à l’opposition sur la page de la demande.
mail-opposition-says = Ce qui doit changer selon { $voter }
mail-opposition-button = Répondre à l’opposition

## Aux animateurs et au secrétariat : une objection (objection)
mail-objection-subject = objection { DE($objector) } ; retour au groupe
mail-objection-title = Objection { DE($objector) }
mail-objection-intro = { $objector } a formulé une objection contre { $at ->
        [meeting] la décision prise par le groupe lors d’une réunion à laquelle il n’assistait pas
       *[editorial] la modification rédactionnelle de la réponse adoptée
    } sur cette demande. La décision ne tient pas : la demande revient au groupe, qui peut diffuser un nouveau projet.
mail-objection-the = L’objection

## Au secrétariat et au groupe : aucune objection (decision_stands)
mail-stands-subject = aucune objection ; prête à être publiée
mail-stands-title = Aucune objection : prête à être publiée
mail-stands-intro = Personne n’a formulé d’objection contre { $at ->
        [meeting] la décision prise par le groupe en réunion
       *[editorial] la modification rédactionnelle de la réponse adoptée
    } sur cette demande dans le délai imparti. La décision du groupe tient : le secrétariat peut maintenant publier la clarification.

## Aux votants : une modification rédactionnelle (editorial_change)
mail-until = { $date } à { $time } UTC
mail-editorial-subject = modification rédactionnelle de la réponse adoptée ; objections jusqu’au { $until }
mail-editorial-title = Modification rédactionnelle de la réponse adoptée
mail-editorial-intro = { $convenor } a consigné le consensus du groupe sur cette demande avec une modification rédactionnelle du texte sur lequel vous avez voté. Si vous estimez que la modification change le fond de la réponse, vous pouvez formuler une objection sur la page de la demande jusqu’au { $until } ; une objection renvoie la réponse au groupe. Sans objection, la décision tient et passe au secrétariat pour publication.
mail-editorial-why = Pourquoi l’animateur a modifié le texte
mail-editorial-voted = Le texte sur lequel vous avez voté
mail-editorial-final = Le texte final
mail-editorial-read-text = Voir la différence mot à mot, ou formuler une objection :
mail-editorial-difference = Le texte final, avec ce qui a changé par rapport au texte sur lequel vous avez voté
mail-editorial-difference-key = (mots supprimés barrés, mots ajoutés soulignés)

## À l’auteur d’un appel et au groupe : une étape de l’appel (appeal)
mail-appeal-subject = { $step ->
        [lodge_appeal] appel { $number } reçu
        [acknowledge_appeal] appel { $number } pris en compte
        [consider_appeal] appel { $number } en cours d’examen
        [conciliate_appeal] appel { $number } en conciliation
        [uphold_appeal] appel { $number } tranché : la décision est maintenue
       *[other] appel { $number } accueilli
    }
mail-appeal-title = Appel { $number }
mail-appeal-said = { $step ->
        [lodge_appeal] Le secrétariat a reçu un appel { DE($appellant) } contre la décision sur cette demande et l’a enregistré comme appel { $number }.
        [acknowledge_appeal] Le secrétariat accuse réception de l’appel { $number }, { DE($appellant) }, contre la décision sur cette demande.
        [consider_appeal] L’appel { $number }, { DE($appellant) }, est maintenant entre les mains de { $body }, qui l’examine.
        [conciliate_appeal] { $body } a choisi la conciliation pour l’appel { $number }, { DE($appellant) } : l’auteur de l’appel et le groupe sont invités à trouver un accord.
        [uphold_appeal] L’appel { $number }, { DE($appellant) }, est tranché : il n’est pas accueilli, et la décision est maintenue.
       *[other] L’appel { $number }, { DE($appellant) }, est tranché : il est accueilli.{ $outcome ->
            [back_to_group] { " " }La demande revient au groupe de maintenance, qui reprend sa décision.
            [withdrawn] { " " }La clarification publiée est retirée.
            [superseded] { " " }La clarification publiée est remplacée.
           *[none] {""}
        }
    }
mail-appeal-due = La prochaine étape est attendue au plus tard le { $date }.
mail-appeal-grounds = Les motifs de l’appel

## À une organisation en liaison consultée (consultation_requested)
mail-reminder = Rappel
mail-consult-subject = une clarification à examiner avant publication
mail-consult-title = Une clarification à examiner
mail-consult-title-reminder = Rappel : une clarification à examiner
mail-consult-reminder = Rappel : { $liaison } n’a pas encore répondu, et son délai se termine bientôt. Ce message contient un nouveau lien ; le premier envoyé ne fonctionne plus.
mail-consult-intro = Le groupe de maintenance a arrêté sa réponse à la demande de clarification ci-dessous. Avant sa publication, { $liaison } est consultée : veuillez lire la question et la réponse arrêtée, puis indiquer « pas d’objection » ou vos commentaires, au plus tard le { $until }. Sans réponse d’ici là, la clarification pourra être publiée.
mail-consult-private = Ce lien est réservé à votre organisation ; ne le transférez pas.
mail-consult-review-text = Examiner la réponse (ce lien est réservé à votre organisation ; ne le transférez pas) :
mail-consult-button = Examiner la réponse

## Au secrétariat et aux animateurs : commentaires d’une liaison (liaison_commented)
mail-commented-subject = commentaires { DE($liaison) } avant publication
mail-commented-title = Commentaires d’une organisation en liaison
mail-commented-intro = { $liaison }, consultée avant publication, a commenté la réponse arrêtée sur cette demande. La clarification n’est pas publiée tant que le secrétariat n’a pas consigné une réponse aux commentaires ou renvoyé la réponse au groupe.
mail-commented-the = Les commentaires

## Aux votants absents : décision prise en réunion (meeting_decision)
mail-meeting-subject = décidée lors de la réunion du { $held_on } ; objections jusqu’au { $until }
mail-meeting-title = Décidée lors de la réunion du { $held_on }
mail-meeting-intro = Le groupe a décidé la réponse à cette demande lors de sa réunion du { $held_on }, à laquelle vous n’assistiez pas ; { $convenor } a consigné la décision. Si vous ne pouvez pas l’accepter, vous pouvez formuler une objection sur la page de la demande jusqu’au { $until } ; une objection renvoie la demande au groupe. Sans objection, la décision tient et passe au secrétariat pour publication.
mail-meeting-attended = Participants et leur position
mail-position = { $position ->
        [agree] D’accord
        [agree_with_comments] D’accord, avec commentaires
        [oppose] Opposé (opposition soutenue)
       *[abstain] Abstention
    }
mail-meeting-minutes = Le procès-verbal
mail-meeting-answer = La réponse décidée
mail-meeting-read-text = Consulter la décision, ou formuler une objection :

## Au secrétariat : un webhook désactivé (webhook_disabled)
mail-at = { $date } à { $time }
mail-webhook-subject = Point de terminaison webhook désactivé : { $url }
mail-webhook-title = Point de terminaison webhook désactivé
mail-webhook-intro = Les envois vers ce point de terminaison webhook échouent depuis le { $since } (UTC) ; il a donc été désactivé. Les événements du registre l’attendent ; rien ne lui est envoyé tant qu’il n’est pas réactivé.
mail-webhook-last = Le dernier échec : { $error }
mail-webhook-again = Une fois le récepteur rétabli, réactivez le point de terminaison depuis sa page ; ce qui attendait est alors livré.
mail-webhook-again-text = Une fois le récepteur rétabli, réactivez le point de terminaison depuis sa page ; ce qui attendait est alors livré :
mail-webhook-button = Ouvrir le point de terminaison
