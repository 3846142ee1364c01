## L’administration (/admin) : les pages du registre tenu par le secrétariat.

## Mots communs aux pages du registre
admin-registry = Registre
admin-secretariat = Secrétariat
admin-breadcrumb = Fil d’Ariane
admin-cancel = Annuler
admin-moment = { $date } à { $time } UTC
admin-name = Nom
admin-full-name = Nom complet
admin-email = Adresse électronique
admin-status = Statut
admin-action = Action
admin-yes = Oui
admin-no = Non
admin-none = Aucun
admin-never = Jamais
admin-you = Vous
admin-edit = Modifier
admin-code = Code
admin-group = Groupe
admin-address = Adresse
admin-contact-address = Adresse de contact
admin-deactivated = Désactivé
admin-invited = Invité
admin-active = Actif
admin-deactivate = Désactiver
admin-reactivate = Réactiver
admin-role-member = Membre
admin-role-convenor = Animateur
admin-role-member-lower = membre
admin-role-convenor-lower = animateur
admin-capacity-expert = Expert
admin-capacity-observer = Observateur
admin-capacity-liaison = Liaison
admin-capacity-observer-lower = observateur
admin-capacity-liaison-lower = liaison
admin-kind-member-body = Organisme membre de l’ISO
admin-kind-liaison = Organisation en liaison

## L’index du registre
admin-groups = Groupes de maintenance
admin-organisations = Organismes
admin-consultation = Consultation des liaisons
admin-committees = Comités extérieurs
admin-accounts = Comptes
admin-mail = Envoi des courriels
admin-webhooks = Webhooks
admin-stats = Statistiques
admin-index-lede =
    Les normes traitées ici, les groupes de maintenance qui en répondent, les autres
    comités auxquels des demandes sont renvoyées, et qui peut se connecter.
admin-index-standards = Ajouter une norme ou une nouvelle édition qui remplace l’ancienne ; modifier un titre ou le groupe responsable.
admin-index-groups = Ajouter un groupe ; y ajouter ses animateurs et ses membres, indiquer qui les a désignés, à quel titre et pour combien de temps ; fixer ses règles de clôture.
admin-index-organisations = Les organismes membres de l’ISO et les organisations en liaison qui désignent les membres des groupes, et leurs adresses de contact.
admin-index-consultation = Les liaisons consultées sur chaque réponse décidée avant sa publication, et les adresses où vont leurs liens de relecture.
admin-index-committees = Les comités dont relèvent d’autres normes, leur contact pour les renvois et les désignations qui leur appartiennent.
admin-index-accounts = Inviter des personnes, voir qui appartient à quel groupe, désactiver et réactiver des comptes.
admin-index-mail = Les messages en attente d’envoi, et ceux qui ont échoué avec la raison, pour réessayer.
admin-index-webhooks = Les récepteurs avertis de chaque publication, correction et marque, leurs secrets de signature et le résultat de chaque envoi.
admin-index-stats = Les demandes par état, par norme et par mois, les jours jusqu’à la publication et la part acceptée à l’examen de recevabilité.

## Comptes
admin-users-lede =
    Toutes les personnes qui peuvent se connecter. Un compte n’est jamais supprimé, afin que l’historique de
    chaque demande garde le nom de ceux qui y ont agi ; désactivez plutôt le compte.
admin-invite = Inviter une personne
admin-users-find = Trouver un compte par nom ou adresse électronique
admin-users-all = Tous les comptes ({ $count })
admin-users-matching = Comptes correspondant à « { $words } » ({ $count })
admin-users-none = Il n’y a encore aucun compte.
admin-users-none-match = Aucun compte ne correspond à « { $words } ».
admin-users-show-all = Afficher tous les comptes
admin-paging-account = compte
admin-paging-accounts = comptes
admin-users-groups = Groupes
admin-users-last-sign-in = Dernière connexion
admin-users-pages = Pages de comptes
admin-invite-lede =
    Nous créons le compte et envoyons à son titulaire un lien, valable 7 jours, pour choisir un mot de passe.
    Personne d’autre ne voit jamais ce mot de passe.
admin-invite-email-hint = L’invitation est envoyée ici ; c’est aussi l’adresse avec laquelle la personne se connecte.
admin-invite-secretariat = Membre du secrétariat
admin-invite-secretariat-hint = Le secrétariat examine et publie les demandes et gère ce registre.
admin-invite-group-hint = Facultatif : le groupe que rejoint cette personne, et dans quel rôle. D’autres groupes peuvent être ajoutés depuis la page de chaque groupe.
admin-invite-no-group = Aucun groupe
admin-invite-role = Rôle dans le groupe
admin-invite-role-hint = Utilisé seulement si un groupe est choisi.
admin-invite-sponsor = Compte de parrain
admin-invite-sponsor-hint = Facultatif, pour une personne d’un organisme membre ou d’une liaison : elle soumet des demandes déjà appuyées par celui-ci, suit ses demandes et appuie celles qui lui sont adressées. Laissez vides le secrétariat et le groupe.
admin-invite-sponsor-label = Organisme membre ou liaison
admin-invite-send = Envoyer l’invitation

## Comités extérieurs
admin-committees-lede-before = Les comités dont relèvent des normes hors de ce registre. Les demandes portant sur leurs normes leur sont renvoyées, et
admin-committees-lede-after = indique aux visiteurs où s’adresser.
admin-committee-add-short = Ajouter un comité
admin-committees-all = Tous les comités ({ $count })
admin-committee-owns = Normes qui en relèvent
admin-none-listed = Aucune indiquée
admin-committee-add = Ajouter un comité extérieur
admin-committee-edit = Modifier { $code }
admin-committee-lede-before = Une demande portant sur l’une des normes de ce comité lui est renvoyée : le demandeur reçoit le contact ci-dessous, et
admin-committee-lede-after = indique ce comité à quiconque le demande.
admin-committee-code-hint = Par exemple ISO/TC 176 ou ISO/IEC JTC 1/SC 27.
admin-committee-name-hint = Par exemple : Management et assurance de la qualité.
admin-committee-contact = Contact pour les renvois
admin-committee-contact-hint = Quelques phrases envoyées au demandeur dont la demande est renvoyée : qui répond, et comment le joindre.
admin-committee-url = Page publique
admin-committee-url-hint = La page du comité, commençant par https://.
admin-committee-owns-hint = Une désignation par ligne, sans l’année d’édition, par exemple ISO 9001. Une désignation indiquée par un autre comité passe à celui-ci.
admin-committee-add-button = Ajouter le comité
admin-committee-save = Enregistrer le comité

## La confirmation de ce qui ne peut être défait
admin-confirm-deactivate = Désactiver { $name } ?
admin-confirm-deactivate-consequence = { $name } est déconnecté sur-le-champ et ne peut plus se connecter. Ses appartenances et son nom dans l’historique de chaque demande restent ; vous pourrez réactiver le compte plus tard.
admin-confirm-deactivate-button = Désactiver { $name }
admin-confirm-remove-member = Retirer { $name } de { $group } ?
admin-confirm-remove-member-consequence = L’appartenance { DE($name) } à { $group } prend fin sur-le-champ : cette personne ne vote plus dans ses tours et ne voit plus ses demandes. Ses votes et commentaires passés restent consignés, de même que son compte.
admin-confirm-remove-member-button = Retirer { $name } de { $group }
admin-confirm-remove-webhook = Supprimer le point de réception { $url } ?
admin-confirm-remove-webhook-consequence = Plus rien n’est envoyé à { $url } : les envois en attente sont abandonnés et son journal d’envois est effacé. Pour suspendre les envois un temps, désactivez plutôt le point de réception.
admin-confirm-remove-webhook-button = Supprimer le point de réception
admin-confirm-renew-secret = Donner à { $url } un nouveau secret de signature ?
admin-confirm-renew-secret-consequence = Le secret actuel cesse de fonctionner sur-le-champ : désormais chaque envoi à { $url }, nouvelles tentatives comprises, est signé avec le nouveau, affiché une seule fois à la page suivante. Les envois échouent à la vérification du récepteur tant qu’il n’a pas le nouveau secret.
admin-confirm-renew-secret-button = Créer un nouveau secret

## Les conditions d’une appartenance
admin-role = Rôle
admin-role-hint = L’animateur ouvre et clôt les tours et consigne la décision ; les membres commentent, et votent selon leur qualité.
admin-capacity = Qualité
admin-capacity-hint = Un expert vote. Un observateur lit et commente. Une liaison représente une organisation en liaison : elle lit et commente, et ne vote que si les règles de clôture du groupe font voter les liaisons.
admin-nominated-by = Désigné par
admin-nominated-by-hint = L’organisme membre de l’ISO qui a désigné cet expert ou cet observateur, ou l’organisation en liaison que représente une liaison. Aucun pour le personnel du secrétariat.
admin-member-bodies-by-country = Organismes membres, par pays
admin-liaison-organisations = Organisations en liaison
admin-member-from = Membre à partir du
admin-member-from-hint = Le premier jour où la personne siège dans le groupe, au format 2027-01-31. Elle vote dans les tours ouverts à partir de ce jour.
admin-member-until = Membre jusqu’au
admin-member-until-hint = Le premier jour où elle ne siège plus, après le début ; vide tant que sa désignation court.
admin-declared-interests = Intérêts déclarés
admin-interests-hint = Ce qu’elle a déclaré qui pourrait peser sur ses votes : employeurs, clients, accréditations détenues. Affiché à côté de son vote.

## La page d’un groupe de maintenance et celle d’un membre
admin-group-members = Membres ({ $count })
admin-group-no-members = Ce groupe n’a pas encore de membres. Ajoutez d’abord son animateur.
admin-group-members-note = Le nom d’un membre mène aux conditions de son appartenance, où elles se modifient, et à son retrait du groupe.
admin-group-members-of = Membres de { $group }
admin-term = Mandat
admin-term-from = depuis le { $date }
admin-term-until = jusqu’au { $date }
admin-term-ended = Terminé
admin-term-not-started = Pas encore commencé
admin-none-declared = Aucun déclaré
admin-rules = Règles de clôture
admin-rules-lede =
    L’animateur ne peut consigner le consensus qu’une fois que suffisamment de votants du tour ont voté :
    au moins la proportion et au moins le nombre ci-dessous. Une décision dont le texte a changé sur la forme, ou prise
    en réunion, est acquise une fois son délai d’opposition écoulé sans opposition.
admin-rules-quorum-percent = Quorum, en pourcentage des votants
admin-rules-quorum-percent-hint = Un nombre entier de 0 à 100 ; 50 signifie au moins la moitié des votants du tour.
admin-rules-quorum-minimum = Quorum, en nombre de votants
admin-rules-quorum-minimum-hint = Au moins 1 ; avec 2, une personne seule ne fait jamais un consensus.
admin-rules-liaisons-vote = Les liaisons votent
admin-rules-liaisons-vote-hint = Si la case est cochée, les membres ayant la qualité de liaison font partie des votants des tours ouverts désormais.
admin-rules-objection-days = Jours pour s’opposer à une modification de forme
admin-rules-objection-days-hint = De 1 à 365 : le temps dont disposent les votants pour s’opposer quand le texte convenu diffère sur la forme du texte voté.
admin-rules-meeting-days = Jours pour s’opposer à une décision de réunion
admin-rules-meeting-days-hint = De 1 à 365 : le temps dont disposent les membres absents pour s’opposer.
admin-rules-save = Enregistrer les règles de clôture
admin-group-add-member = Ajouter un membre
admin-group-no-candidates = Tous les comptes actifs sont déjà membres de ce groupe.
admin-group-no-candidates-after = pour ajouter une nouvelle personne.
admin-person = Personne
admin-person-hint = Les comptes actifs qui ne sont pas encore dans ce groupe. Pour ajouter une personne sans compte, invitez-la.
admin-person-choose = Choisir une personne
admin-group-add-to = Ajouter à { $group }
admin-membership-of = Appartenance à { $group }
admin-membership-save = Enregistrer l’appartenance
admin-membership-remove-from = Retirer de { $group }
admin-membership-remove-note =
    Quand une désignation prend fin, une date de fin ci-dessus garde l’appartenance consignée. Retirer une personne
    met fin à son appartenance sur-le-champ ; ses votes et commentaires passés restent consignés, de même que son compte.

## Les groupes de maintenance
admin-groups-lede =
    Les groupes qui répondent aux demandes de clarification, chacun avec un animateur qui conduit ses tours
    et des membres qui votent.
admin-groups-add = Ajouter un groupe
admin-groups-find = Trouver un groupe par code ou par nom
admin-groups-all = Tous les groupes ({ $count })
admin-groups-matching = Groupes correspondant à « { $words } » ({ $count })
admin-groups-none = Il n’y a encore aucun groupe.
admin-groups-none-match = Aucun groupe ne correspond à « { $words } ».
admin-groups-show-all = Afficher tous les groupes
admin-paging-group = groupe
admin-paging-groups = groupes
admin-groups-members = Membres
admin-groups-standards = Normes en vigueur
admin-groups-no-convenor = Sans animateur
admin-groups-pages = Pages de groupes

## Organismes
admin-acronym = Sigle
admin-country = Pays
admin-none-yet = Pas encore
admin-organisations-lede =
    Les organismes membres de l’ISO et les organisations en liaison qui désignent les membres des
    groupes de maintenance. Les organismes membres désignent des experts et des observateurs ; les représentants
    d’une organisation en liaison siègent comme liaisons. L’adresse de contact est celle où vont les demandes de
    clarification destinées à l’organisme.
admin-organisations-add = Ajouter un organisme
admin-organisations-find = Trouver un organisme par sigle, nom ou pays
admin-organisations-none = Il n’y a encore aucun organisme dans le registre.
admin-organisations-none-match = Aucun des { $total } organismes ne correspond à « { $words } ».
admin-organisations-show-all = Afficher tous les organismes
admin-organisations-of-total = , sur { $total } dans le registre.
admin-paging-organisation = organisme
admin-paging-organisations = organismes
admin-organisations-member-bodies = Organismes membres ({ $count })
admin-organisations-liaisons = Organisations en liaison ({ $count })
admin-organisations-no-member-body = Aucun organisme membre n’est dans le registre.
admin-organisations-no-member-body-matches = Aucun organisme membre ne correspond.
admin-organisations-no-liaison = Aucune organisation en liaison n’est dans le registre.
admin-organisations-no-liaison-matches = Aucune organisation en liaison ne correspond.
admin-organisations-pages = Pages d’organismes
admin-organisation-seeded-before = Le sigle, le nom et le pays d’un organisme de la liste fournie suivent
admin-organisation-seeded-middle = à chaque exécution de
admin-organisation-seeded-after = ; son adresse de contact est conservée ici et n’est jamais modifiée par cette commande.
admin-organisation-contact-edit-hint = Là où vont les demandes de clarification destinées à cet organisme. Laissez vide pour la supprimer.
admin-organisation-save = Enregistrer l’adresse de contact
admin-organisation-new-before = Pour un organisme membre ou une organisation en liaison absent de la liste fournie. Mieux encore, ajoutez-le à
admin-organisation-new-middle = , pour que chaque installation l’ait :
admin-organisation-new-after = maintient alors celui-ci, retrouvé par son sigle, conforme au fichier.
admin-organisation-kind = Type
admin-organisation-kind-hint = Un organisme membre de l’ISO est l’organisme national de normalisation d’un pays ; une organisation en liaison est internationale.
admin-organisation-acronym-hint = Tel que l’ISO l’indique, par exemple AFNOR ou ILAC.
admin-organisation-country-hint = Pour un organisme membre : le code à deux lettres de l’ISO 3166, par exemple FR. Vide pour une organisation en liaison.
admin-organisation-contact-hint = Là où vont les demandes de clarification destinées à cet organisme.
admin-organisation-add-button = Ajouter l’organisme

## Consultation des liaisons
admin-remove = Retirer
admin-consultation-lede = { $days ->
    [one] Quand un groupe de maintenance décide une réponse, chaque liaison indiquée ici reçoit, à chacune de ses adresses, un lien privé pour la relire. Une clarification n’est publiée qu’une fois le { $days } jour de la consultation écoulé ou toutes les liaisons ayant répondu, et une fois que les commentaires de chaque liaison ont reçu une réponse. Sans liaison indiquée, une réponse décidée peut être publiée aussitôt.
   *[other] Quand un groupe de maintenance décide une réponse, chaque liaison indiquée ici reçoit, à chacune de ses adresses, un lien privé pour la relire. Une clarification n’est publiée qu’une fois les { $days } jours de la consultation écoulés ou toutes les liaisons ayant répondu, et une fois que les commentaires de chaque liaison ont reçu une réponse. Sans liaison indiquée, une réponse décidée peut être publiée aussitôt.
}
admin-consultation-consulted = Liaisons consultées
admin-consultation-none = Aucune liaison n’est consultée : les réponses décidées peuvent être publiées aussitôt.
admin-consultation-add = Consulter une liaison à une adresse
admin-consultation-organisation-hint = Les organisations en liaison du registre ; ajoutez-la d’abord sous Organismes si elle manque.
admin-consultation-choose = Choisir une liaison
admin-consultation-email-hint = Là où vont ses liens de relecture. Ajoutez plusieurs adresses pour qu’une liaison touche plusieurs personnes.
admin-consultation-add-button = Ajouter l’adresse

## Envoi des courriels
admin-find = Chercher
admin-attempts = Tentatives
admin-mail-lede =
    Un message attend ici jusqu’à sa remise. Les tentatives échouées sont répétées à intervalles croissants
    pendant 24 heures ; ensuite le message est abandonné. Une fois remis ou abandonné, seuls son objet, son
    résultat et une empreinte de l’adresse sont conservés : son texte et l’adresse elle-même sont effacés.
admin-mail-no-server-before = Aucun serveur de messagerie n’est configuré : les messages sont écrits comme fichiers dans le dossier
admin-mail-no-server-middle = du répertoire de données et n’atteignent personne. Réglez
admin-mail-no-server-after = sur votre serveur de messagerie et redémarrez.
admin-mail-outbox = Boîte d’envoi
admin-mail-waiting = En attente
admin-mail-failed = Échec
admin-mail-delivered = Remis
admin-mail-find-sent = Trouver le courrier envoyé à une adresse
admin-mail-to = Courrier à { $address }
admin-mail-none-to = Aucun message à cette adresse n’est enregistré.
admin-mail-outcome = Résultat
admin-mail-subject = Objet
admin-mail-last-error = Dernière erreur
admin-mail-recipient = Destinataire
admin-mail-queued = mis en file le
admin-mail-delivered-at = remis le
admin-mail-undelivered = Non remis ({ $count })
admin-mail-undelivered-matching = Non remis, correspondant à « { $words } » ({ $count })
admin-mail-find = Trouver un message non remis par destinataire ou par objet
admin-mail-all-delivered = Tout a été remis.
admin-mail-none-match = Aucun message en attente ou en échec ne correspond à « { $words } ».
admin-mail-show-all = Afficher tous les messages non remis
admin-paging-undelivered = messages non remis
admin-paging-message = message
admin-paging-messages = messages
admin-mail-erased = effacée (empreinte { $fingerprint })
admin-mail-pages = Pages de messages non remis

## Webhooks
admin-since = depuis le
admin-on-day = le
admin-webhooks-lede = { $days ->
    [one] Chaque point de réception reçoit un message JSON signé (Standard Webhooks) quand une clarification est publiée, corrigée, marquée remplacée ou intégrée, ou retirée. Un envoi échoué est retenté à intervalles croissants ; un point de réception dont les envois échouent pendant { $days } jour est désactivé et le secrétariat en est averti par courriel.
   *[other] Chaque point de réception reçoit un message JSON signé (Standard Webhooks) quand une clarification est publiée, corrigée, marquée remplacée ou intégrée, ou retirée. Un envoi échoué est retenté à intervalles croissants ; un point de réception dont les envois échouent pendant { $days } jours est désactivé et le secrétariat en est averti par courriel.
}
admin-webhooks-lede-docs = La façon dont un récepteur vérifie la signature est décrite dans
admin-webhooks-endpoints = Points de réception ({ $count })
admin-webhooks-none = Aucun point de réception pour l’instant : rien n’est envoyé.
admin-webhooks-events = Événements
admin-webhooks-state = État
admin-webhooks-add = Ajouter un point de réception
admin-webhooks-url-hint = Là où les envois sont postés, commençant par https://.
admin-webhooks-description = Description
admin-webhooks-description-hint = À qui appartient le récepteur, pour que vous le reconnaissiez (facultatif).
admin-webhooks-events-to-send = Événements à envoyer
admin-webhooks-published = Publiée
admin-webhooks-corrected = Corrigée (une nouvelle version)
admin-webhooks-marked = Marquée remplacée ou intégrée
admin-webhooks-withdrawn = Retirée
admin-webhooks-add-button = Ajouter le point de réception
admin-webhooks-off = Désactivé
admin-webhooks-failing = En échec
admin-webhooks-on = Actif
admin-endpoint = Point de réception de webhooks
admin-endpoint-short = Point de réception
admin-endpoint-renewed = Le point de réception a un nouveau secret de signature : chaque envoi désormais est signé avec lui.
admin-endpoint-added = Le point de réception a été ajouté.
admin-endpoint-secret-once = Donnez maintenant ce secret de signature à son récepteur : il ne sera plus affiché.
admin-endpoint-off-waiting = : les événements l’attendent jusqu’à ce qu’il soit réactivé.
admin-endpoint-failing-since = Actif ; envois en échec depuis le
admin-endpoint-on = Actif.
admin-endpoint-created = Ajouté
admin-endpoint-turn-off = Le désactiver
admin-endpoint-turn-on = Le réactiver
admin-endpoint-new-secret = Nouveau secret de signature…
admin-endpoint-remove = Supprimer…
admin-endpoint-deliveries = Envois
admin-endpoint-nothing-sent = Rien n’a encore été envoyé à ce point de réception.
admin-endpoint-log-note = { $count ->
    [one] Le dernier, le plus récent en premier. Un envoi échoué est retenté à intervalles croissants, dix fois en trois jours environ.
   *[other] Les { $count } derniers, les plus récents en premier. Un envoi échoué est retenté à intervalles croissants, dix fois en trois jours environ.
}
admin-endpoint-event = Événement
admin-endpoint-last-response = Dernière réponse
admin-endpoint-last-attempt = Dernière tentative
admin-endpoint-given-up = Abandonné
admin-endpoint-next-try = prochain essai le
admin-endpoint-not-yet = pas encore

## Statistiques, et les mots de leurs graphiques
admin-stats-lede =
    Où en sont les demandes, quelles normes elles concernent, combien de temps prend une réponse
    de la confirmation à la publication et combien de demandes passent l’examen de recevabilité.
admin-stats-computed-at = Chiffres calculés le { $date } à { $time } UTC. Ils sont recalculés à chaque publication d’une clarification et au moins toutes les heures.
admin-stats-none = Pas encore de demandes
admin-stats-none-note = Les chiffres apparaissent ici dès que la première demande est confirmée par son demandeur.
admin-stats-in-brief = En bref
admin-stats-requests = Demandes
admin-stats-open = En cours
admin-stats-published = Publiées
admin-stats-closed = Closes
admin-stats-all = Toutes
admin-stats-median-days = Jours médians jusqu’à la publication
admin-stats-accepted-at-screening = Acceptées à l’examen de recevabilité
admin-stats-where = Où en sont les demandes
admin-stats-by-state = Demandes par état
admin-stats-state = État
admin-stats-all-requests = Toutes les demandes
admin-stats-by-standard = Demandes par norme
admin-stats-by-standard-note = Les normes les plus demandées ; les autres sont additionnées sur une ligne.
admin-stats-by-sponsor = Demandes par parrain
admin-stats-by-sponsor-note = Les demandes confirmées qui nomment chaque organisme membre ou liaison comme parrain, quelle que soit sa décision.
admin-stats-sponsor = Parrain
admin-stats-per-month = Demandes par mois
admin-stats-per-month-note =
    Les demandes confirmées au cours de chacun des douze derniers mois, selon où elles en sont aujourd’hui, et la part
    de celles décidées à l’examen de recevabilité qui ont été acceptées.
admin-stats-per-month-caption = Demandes confirmées par mois
admin-stats-per-month-chart = Demandes confirmées par mois, selon où elles en sont
admin-stats-month = Mois
admin-stats-confirmed = Confirmées
admin-stats-accepted = Acceptées
admin-stats-not-admissible = Irrecevables
admin-stats-referred = Renvoyées
admin-stats-duplicate = Doublons
admin-stats-days-heading = Jours de la confirmation à la publication
admin-stats-median-before = La médiane sur l’ensemble des clarifications publiées est de
admin-stats-median-after = jours ; ci-dessous, la médiane de celles publiées chaque mois.
admin-stats-median-caption = Jours médians jusqu’à la publication, par mois de publication
admin-stats-median-days-chart = Jours médians de la confirmation à la publication, par mois de publication
admin-stats-median-days-column = Jours médians
admin-stats-days-unit = jours
admin-stats-screening = Examen de recevabilité
admin-stats-screening-note = L’issue de l’examen de recevabilité pour chaque demande qui y a été décidée : acceptée pour le groupe de maintenance, ou close.
admin-stats-screening-decisions = Décisions de l’examen de recevabilité
admin-stats-decision = Décision
admin-stats-decided = Décidées
admin-stats-share-accepted = Part acceptée
admin-stats-percent = { $percent } %
admin-stats-counting = Comment les chiffres sont comptés
admin-stats-counting-requests = Chaque demande que son demandeur a confirmée. Les demandes qui attendent encore cette confirmation ne sont comptées nulle part.
admin-stats-samples = Demandes d’exemple
admin-stats-counting-samples = Les exemples chargés avec les données de démonstration sont comptés comme toute autre demande.
admin-stats-counting-samples-some = { $samples ->
    [one] Les exemples chargés avec les données de démonstration sont comptés comme toute autre demande : { $samples } des { $total } demandes ici est un exemple.
   *[other] Les exemples chargés avec les données de démonstration sont comptés comme toute autre demande : { $samples } des { $total } demandes ici sont des exemples.
}
admin-stats-counting-open = Confirmées et ni publiées ni closes : à l’examen de recevabilité, en attente du demandeur, auprès du groupe, en tour de consensus ou décidées.
admin-stats-days-to-publication = Jours jusqu’à la publication
admin-stats-counting-days = Jours calendaires, heures comprises, de la confirmation par le demandeur à la publication.
admin-stats-counting-accepted =
    Parmi les demandes sur lesquelles le secrétariat a statué à l’examen de recevabilité, la part acceptée pour le groupe de maintenance.
    Les demandes closes à l’examen de recevabilité comme irrecevables, renvoyées à un autre comité ou comme doublons comptent
    comme non acceptées ; les demandes retirées ou encore à l’examen sont laissées de côté. Les mois sont ceux de la
    confirmation.
admin-stats-computing = Les chiffres sont en cours de calcul
admin-stats-computing-note = Le serveur les calcule en arrière-plan après son démarrage, ce qui prend une minute au plus. Rechargez cette page dans un instant.
admin-chart-no-data = Aucune donnée
admin-chart-tip = { $label } : { $value }
admin-chart-tip-series = { $label }, { $series } : { $value }
