# Les mots du cycle de vie : états, motifs de clôture, ce qui s'est passé.

## Le nom d'un état, pour les badges et les listes
state-pending-confirmation = En attente de confirmation
state-awaiting-endorsement = En attente d’appui
state-screening = Examen de recevabilité
state-awaiting-submitter = En attente du demandeur
state-in-group = Au groupe
state-balloting = Tour de consensus
state-confirming = Ouvert aux objections
state-decided = Décidée
state-published = Publiée
state-closed = Close

## Où en est une demande, pour la personne qui l'a posée
state-for-submitter-pending-confirmation = Nous attendons que vous confirmiez votre adresse électronique.
state-for-submitter-awaiting-endorsement = L’organisme membre ou la liaison que vous avez choisi décide s’il appuie la demande.
state-for-submitter-screening = Le secrétariat vérifie que la demande peut recevoir une réponse sous forme de clarification.
state-for-submitter-awaiting-submitter = Le secrétariat vous a demandé des informations complémentaires. Veuillez répondre ci-dessous.
state-for-submitter-in-group = Le groupe de maintenance responsable de la norme prépare une réponse.
state-for-submitter-balloting = Le groupe de maintenance examine un projet de réponse pour parvenir à un consensus.
state-for-submitter-confirming = Le groupe de maintenance a convenu d’une réponse ; ses membres peuvent encore s’y opposer pendant quelques jours avant sa publication.
state-for-submitter-decided = Le groupe de maintenance a convenu d’une réponse ; elle sera publiée prochainement.
state-for-submitter-published = La réponse est publiée.
state-for-submitter-closed = La demande est close.

## Pourquoi une demande a été close, pour la personne qui l'a posée
closure-for-submitter-not-admissible = Close : la demande ne peut pas recevoir de réponse sous forme de clarification.
closure-for-submitter-referred = Close : la norme relève d’un autre comité, auquel la demande a été transmise.
closure-for-submitter-duplicate = Close : une clarification publiée répond déjà à cette question.
closure-for-submitter-no-consensus = Close : le groupe de maintenance n’a pas pu parvenir à un consensus ; la question est conservée pour la prochaine révision de la norme.
closure-for-submitter-withdrawn = Close : vous avez retiré la demande.
closure-for-submitter-expired = Close : aucune réponse à la question du secrétariat n’est arrivée dans les 30 jours.
closure-for-submitter-corrected = Close : la réponse a été publiée comme version corrigée de la clarification.
closure-for-submitter-answered-locally = Close : l’organisme membre y a répondu.
closure-for-submitter-endorsement-declined = Close : l’organisme membre ou la liaison a refusé d’appuyer la demande.
closure-for-submitter-endorsement-expired = Close : l’organisme membre ou la liaison n’a pas répondu à temps.

## Ce qui s'est passé, tel que l'historique le montre
action-done-confirm = Confirmée par le demandeur
action-done-accept = Acceptée pour le groupe
action-done-ask-for-information = Informations demandées au demandeur
action-done-reply = Le demandeur a répondu
action-done-expire = Close : pas de réponse dans les 30 jours
action-done-not-admissible = Close comme non recevable
action-done-refer = Transmise à un autre comité
action-done-duplicate = Close comme doublon
action-done-reassign = Réattribuée
action-done-edit-wording = Libellé public modifié
action-done-open-round = Tour de consensus ouvert
action-done-vote = A voté
action-done-remind = Rappel envoyé aux membres n’ayant pas voté
action-done-respond-to-opposition = Réponse à une opposition
action-done-declare-conflict = Conflit d’intérêts déclaré
action-done-confirm-no-conflict = Absence de conflit d’intérêts confirmée
action-done-allow-conflicted-vote = Vote autorisé malgré un conflit déclaré
action-done-close-with-consensus = Consensus enregistré
action-done-close-with-editorial-change = Consensus enregistré avec une modification rédactionnelle, ouvert aux objections
action-done-close-with-substantive-change = Texte modifié sur le fond et nouveau tour ouvert
action-done-record-meeting-decision = Décision prise en réunion enregistrée, ouverte aux objections
action-done-object = Objection à la décision
action-done-confirm-decision = Aucune objection : la décision est maintenue
action-done-close-without-consensus = Tour clos sans consensus
action-done-close-no-consensus = Close : aucun consensus possible
action-done-publish = Publiée
action-done-send-back = Renvoyée au groupe
action-done-withdraw = Retirée par le demandeur
action-done-mark-publication = Publication marquée
action-done-follow-up-lodged = Une demande de suivi a été déposée
action-done-follow-up-settled = Une demande de suivi a pris fin
action-done-correct-publication = Version corrigée émise
action-done-lodge-appeal = Appel interjeté
action-done-acknowledge-appeal = Accusé de réception de l’appel
action-done-consider-appeal = Appel transmis pour examen
action-done-conciliate-appeal = Appel soumis à la conciliation
action-done-uphold-appeal = Appel tranché : la décision est maintenue
action-done-allow-appeal = Appel accueilli
action-done-publish-correction = Publiée comme version corrigée
action-done-confirm-for-endorsement = Confirmée par le demandeur, pour appui
action-done-endorse = Appuyée par l’organisme membre ou la liaison
action-done-answer-locally = Réponse locale de l’organisme membre ou de la liaison
action-done-decline-endorsement = L’organisme membre ou la liaison a refusé de l’appuyer
action-done-remind-sponsor = Rappel envoyé à l’organisme membre ou à la liaison
action-done-expire-endorsement = Close : l’organisme membre ou la liaison n’a pas répondu à temps

## Pourquoi une action est refusée
refusal-wrong-state = Ce n’est pas possible tant que la demande est « { $state } ».
refusal-wrong-actor = Vous n’êtes pas la personne qui peut le faire.
refusal-changed = Cette demande a changé pendant que vous la consultiez.
refusal-group-cannot-answer = { $group } ne peut pas prendre la demande : il n’a { $missing ->
    [convenor] pas d’animateur pour ouvrir ses tours
   *[voter] aucun membre pouvant voter
}. Ajoutez-en un d’abord sur la page du groupe.
refusal-round = Les règles du tour de consensus ne le permettent pas pour l’instant.
refusal-consultation = La consultation des liaisons ne le permet pas pour l’instant.
