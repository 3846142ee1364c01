## L'espace de travail : la file, la liste des demandes, la page d'une
## demande et ses formulaires, les tours, les recours, les corrections, le
## dossier, et les bandeaux après une action.

## Mots partagés
ws-my-queue = Ma file
ws-all-requests = Toutes les demandes
ws-registry = Registre
ws-breadcrumb = Fil d’Ariane
ws-note = Note
ws-none = Aucun
ws-continue = Continuer
ws-preview = Aperçu
ws-clause = Article
ws-question = Question
ws-answer = Réponse
ws-background = Contexte
ws-proposed-answer = Réponse proposée
ws-comment = Commentaire
ws-request = Demande
ws-state = État
ws-group = Groupe
ws-sponsor = Parrain : { $sponsor }
ws-markdown-hint = Markdown : **gras**, listes, liens.
ws-never-public = Jamais publié.

## La page d'une demande
ws-no-group = Aucun groupe désigné
ws-case-file = Dossier
ws-case-file-note = : tout le dossier, à imprimer ou en JSON
ws-public-page = La clarification publiée
ws-public-page-note = , telle que chacun la lit
ws-nothing-to-do = Rien à faire pour vous sur cette demande pour l’instant.
ws-hold-liaisons =
    La publication attend les organisations en liaison : { $silent ->
        [one] { $silent } d’entre elles n’a pas répondu
       *[other] { $silent } d’entre elles n’ont pas répondu
    }, et leur délai court jusqu’au { $until }.
ws-hold-unresponded =
    La publication attend une réponse aux commentaires { $count ->
        [one] d’une organisation en liaison
       *[other] de { $count } organisations en liaison
    } : enregistrez-la ci-dessous, ou renvoyez la réponse au groupe.
ws-screen-legend = Que voulez-vous faire ?
ws-screen-accept = L’accepter pour un groupe de maintenance
ws-screen-group = Groupe qui répondra
ws-screen-group-hint = Son animateur et ses membres sont prévenus par courriel.
ws-screen-ask = Demander des précisions au demandeur
ws-screen-question = Votre question
ws-screen-question-hint = Le demandeur a 30 jours pour répondre ; sans réponse, la demande est close.
ws-screen-not-admissible = La clore comme irrecevable
ws-screen-reason = Motif
ws-inadmissible-specific = Situation particulière ou conseil
ws-inadmissible-new = Propose une exigence nouvelle ou modifiée
ws-inadmissible-unclear = Pas claire
ws-inadmissible-other = Autre
ws-screen-note = Note au demandeur
ws-screen-confirm = Oui, clore cette demande : le demandeur apprend qu’elle ne peut recevoir de réponse
ws-screen-confirm-hint = La demande prend fin ; elle ne peut pas être rouverte.
ws-screen-refer = La renvoyer au comité responsable de la norme
ws-screen-committee = Comité
ws-screen-duplicate = La clore comme doublon d’une clarification publiée
ws-screen-duplicate-of = Clarification publiée
ws-screen-duplicate-hint = Sa référence, par exemple CR-2025-0012.
ws-screen-reassign = La réattribuer à un autre groupe
ws-screen-new-group = Nouveau groupe
ws-similar = Demandes semblables sur l’article { $clause }
ws-similar-note = Demandes ouvertes ou publiées sur la même norme et le même article : vérifiez qu’il ne s’agit pas d’un doublon.
ws-draft-heading = Rédiger la réponse
ws-draft-answer = Projet de réponse
ws-draft-hint = Markdown : **gras**, listes, liens. Énoncez l’intention ; n’ajoutez aucune exigence.
ws-draft-preview = Aperçu : le projet tel que le groupe le lira
ws-deadline = Date limite
ws-circulate = Soumettre au consensus
ws-meeting-heading = Enregistrer une décision prise en réunion
ws-meeting-note =
    Pour une réponse que le groupe a décidée lors d’une réunion avec procès-verbal plutôt
    que par correspondance. Les membres votants absents reçoivent la réponse par courriel
    et peuvent s’y opposer pendant { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } ; sans opposition, elle part au secrétariat pour publication.
ws-meeting-date = Date de la réunion
ws-meeting-attendance = Qui était présent, et sa position
ws-meeting-attendance-hint =
    Les membres votants du groupe à ce jour. Laissez « Absent » pour ceux qui
    n’y étaient pas ; au moins { $count } doivent avoir été présents.
ws-did-not-attend = Absent
ws-minutes-reference = Référence du procès-verbal
ws-minutes-reference-optional = (ou collez le procès-verbal ci-dessous)
ws-minutes-reference-hint = Le numéro de document ou l’adresse du procès-verbal.
ws-minutes = Procès-verbal
ws-minutes-optional = (ou donnez sa référence ci-dessus)
ws-meeting-answer = La réponse décidée
ws-meeting-answer-hint = Markdown. Énoncez l’intention ; n’ajoutez aucune exigence.
ws-meeting-submit = Enregistrer la décision
ws-vote-change = Modifier votre vote
ws-vote-yours = Votre vote
ws-vote-draft = Le projet de réponse soumis à votre vote
ws-position = Position
ws-vote-comment-hint = Obligatoire si vous vous opposez : dites ce qui doit changer.
ws-conflict = Conflit d’intérêts
ws-conflict-flagged = Vous êtes signalé : { $reason }. Déclarez le conflit ou confirmez que vous n’en avez pas avant que votre vote soit enregistré.
ws-conflict-hint = Si vous avez un conflit d’intérêts sur cette demande, déclarez-le : votre vote compte alors comme une abstention, sauf si l’animateur l’admet.
ws-conflict-none = Je n’ai pas de conflit d’intérêts sur cette demande
ws-conflict-declare = Je déclare un conflit d’intérêts
ws-conflict-note = En quoi consiste le conflit (obligatoire si vous en déclarez un)
ws-vote-submit = Enregistrer mon vote
ws-opposition-answer = Répondre à l’opposition { DE($name) }
ws-opposition-yours = Votre réponse à { $name }
ws-opposition-response = Réponse à l’opposition { DE($name) }
ws-response-record = Enregistrer la réponse
ws-response-change = Modifier la réponse
ws-allow-counts = Le vote { DE($name) } compte
ws-allow-heading = Admettre le vote { DE($name) } ?
ws-allow-declared = Déclaré : « { $note } ». Tant que vous ne l’admettez pas, le vote compte comme une abstention.
ws-allow-reason = Pourquoi le vote { DE($name) } doit compter
ws-allow-change = Modifier le motif
ws-allow-submit = Faire compter le vote
ws-consensus-heading = Constater le consensus
ws-rules-met = Les règles de clôture sont remplies : { $voted } sur { $eligible } ont voté, chaque opposition a reçu une réponse.
ws-not-yet = Pas encore
ws-final-answer = Réponse finale
ws-final-answer-hint = Le texte soumis au vote du groupe. Si vous le modifiez, précisez comment ci-dessous : une modification rédactionnelle est envoyée à chaque votant, qui peut s’y opposer ; une modification de fond ouvre un nouveau tour.
ws-final-difference = Ce qui distingue la réponse finale du texte voté
ws-change-legend = Si vous avez modifié le texte
ws-change-editorial =
    Rédactionnelle : la formulation, pas le fond (les votants peuvent s’y opposer pendant { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
ws-change-substantive = De fond : un nouveau tour vote sur le nouveau texte
ws-change-reason = Pourquoi le texte a changé
ws-change-reason-optional = (obligatoire pour une modification rédactionnelle)
ws-preview-difference = Voir les différences
ws-no-consensus-yet = Clore sans consensus
ws-no-consensus-yet-note = Le tour prend fin ; les votes exprimés restent au dossier et le groupe travaille à un nouveau projet.
ws-note-to-group = Note au groupe
ws-no-consensus-yet-confirm = Oui, clore le tour sans consensus
ws-close-round = Clore le tour
ws-object-meeting = S’opposer à la décision de la réunion
ws-object-meeting-note = Vous n’avez pas assisté à la réunion qui a décidé cette réponse. Si vous ne pouvez pas l’accepter, opposez-vous avant le { $until } : la demande retourne au groupe.
ws-object-editorial = S’opposer à la modification rédactionnelle
ws-object-editorial-note = Si la modification change le fond de ce que vous avez voté, opposez-vous avant le { $until } : la demande retourne au groupe.
ws-object-why = Pourquoi vous vous opposez
ws-object = S’opposer
ws-no-consensus = Consensus impossible
ws-no-consensus-note = La demande est close sans réponse et conservée pour la prochaine révision de la norme ; le demandeur est prévenu.
ws-no-consensus-why = Pourquoi (le demandeur le lira)
ws-no-consensus-confirm = Oui, clore la demande sans réponse
ws-close-request = Clore la demande
ws-publish = Publier
ws-consider = À prendre en compte lors de la prochaine révision de la norme
ws-preview-public = Aperçu de la page publique
ws-publish-submit = Publier la clarification
ws-send-back-heading = Renvoyer au groupe
ws-note-to-convenor = Note à l’animateur
ws-send-back = Renvoyer
ws-mark-heading = Annoter la publication
ws-mark-note = La réponse publiée n’est jamais modifiée ; l’annotation et sa note apparaissent dans un bandeau.
ws-mark-what = Ce qui a changé
ws-mark-superseded = Remplacée par une clarification ou une édition ultérieure
ws-mark-incorporated = Intégrée dans une nouvelle édition
ws-mark-withdrawn = Retirée
ws-mark-successor = Remplacée par la clarification
ws-mark-successor-hint = Sa référence, quand une clarification ultérieure remplace celle-ci ; sinon, choisissez l’édition ci-dessous.
ws-mark-edition = Nouvelle édition
ws-mark-edition-hint = L’édition qui l’a remplacée, ou qui l’intègre désormais (donnez alors l’article).
ws-mark-clause = Article de la nouvelle édition
ws-mark = Annoter
ws-correct-heading = Corriger la publication
ws-correct-note = Une correction rédactionnelle de la question ou de la réponse, avec une note, publiée comme nouvelle version ; la précédente garde son adresse. Un changement de sens relève du groupe.
ws-correct-link = Rédiger une version corrigée
ws-comments = Commentaires internes
ws-comments-note = La discussion du groupe, visible du groupe et du secrétariat seulement.
ws-comment-add = Ajouter un commentaire
ws-comment-submit = Ajouter le commentaire
ws-aside = La demande et son historique
ws-the-request = La demande
ws-edit-wording = Modifier le libellé public
ws-edit-wording-note = : ce que montrera la clarification publiée
ws-submitter = Demandeur
ws-submitter-hidden = L’auteur de la demande n’est visible que du secrétariat.
ws-submitter-erased = Données personnelles effacées.

## Pourquoi une demande a été close
ws-closure-not-admissible = Irrecevable
ws-closure-referred = Renvoyée
ws-closure-duplicate = Doublon
ws-closure-no-consensus = Sans consensus
ws-closure-withdrawn = Retirée
ws-closure-expired = Sans réponse
ws-closure-corrected = Corrigée
ws-closure-answered-locally = Réponse du parrain
ws-closure-endorsement-declined = Parrainage refusé
ws-closure-endorsement-expired = Parrainage expiré

## Votes et conflits d'intérêts
ws-position-agree = Pour
ws-position-agree-with-comments = Pour, avec commentaires
ws-position-oppose = Contre (opposition soutenue)
ws-position-abstain = Abstention
ws-flag-same-organisation = même organisation que le demandeur
ws-flag-same-mail-domain = même domaine de messagerie que le demandeur
ws-flag-declared-interests = intérêts déclarés

## Ponctuation que le français espace autrement
ws-colon = :
ws-because = , parce que

## Un tour de consensus et son procès-verbal de décision
ws-unmet-deadline = La date limite n’est pas passée : avant le { $deadline }, le consensus ne peut être constaté qu’une fois que chaque votant a voté, et { $voted } sur { $eligible } l’ont fait.
ws-unmet-never =
    Ce tour ne peut jamais atteindre son quorum : le groupe a besoin de { $needed } votes et sa liste de votants ne compte que { $eligible ->
        [one] { $eligible } personne
       *[other] { $eligible } personnes
    }. Closez-le sans consensus ; les membres ajoutés au groupe depuis son ouverture ne peuvent pas voter dans ce tour, mais ils le pourront dans un nouveau.
ws-unmet-quorum = Le quorum n’est pas atteint : { $voted } votants sur { $eligible } ont voté, et le groupe en exige au moins { $needed }.
ws-unmet-oppositions = Le consensus ne peut être constaté tant qu’une opposition reste sans réponse : répondez à { $names }.
ws-difference-note = Barré : les mots retirés du texte voté. Souligné : les mots ajoutés.
ws-round-meeting = Décidé lors de la réunion du { $date }
ws-round-open = Tour de consensus { $number }, ouvert jusqu’au { $date }
ws-round-closed = Tour de consensus { $number }, clos
ws-round-follows = Ce tour vote sur le texte du tour { $number } tel que l’animateur l’a modifié sur le fond ; les votes du tour { $number } ne comptent pas ici.
ws-round-follows-why = Ce tour vote sur le texte du tour { $number } tel que l’animateur l’a modifié sur le fond ({ $reason }) ; les votes du tour { $number } ne comptent pas ici.
ws-tally = Décompte
ws-participation-meeting =
    { $voted } des { $eligible ->
        [one] { $eligible } membre votant
       *[other] { $eligible } membres votants
    } du groupe étaient présents ; le quorum est de { $quorum }.
ws-participation =
    { $voted } { $eligible ->
        [one] votant sur { $eligible } a voté
       *[other] votants sur { $eligible } ont voté
    } ; le quorum est de { $quorum }.
ws-tally-by-body = Décompte par organisme membre
ws-nominated-by = Désigné par
ws-no-body = Aucun organisme membre
ws-votes = Votes
ws-voters-meeting = Les membres votants du groupe le jour de la réunion, le { $date }
ws-voters-round = La liste des votants, arrêtée à l’ouverture du tour le { $date }
ws-voter = Votant
ws-response-to-opposition = Réponse à l’opposition
ws-capacity = Qualité
ws-capacity-expert = Expert
ws-capacity-observer = Observateur
ws-capacity-liaison = Liaison
ws-convenor = Animateur
ws-convenor-lower = animateur
ws-counted-as = Compté comme { $position }
ws-counted-as-lower = compté comme { $position }
ws-not-voted = N’a pas encore voté
ws-answers-earlier = Répond à une version antérieure
ws-no-response-yet = Pas encore de réponse
ws-no-voters = Personne ne figurait sur la liste des votants du groupe à l’ouverture de ce tour.
ws-decision-record = Procès-verbal de décision
ws-recorded = Enregistré
ws-by = Par { $name }
ws-taken-at = Prise lors de
ws-taken-at-meeting = La réunion du groupe du { $date }
ws-voter-list = Liste des votants
ws-voter-list-meeting =
    { $count ->
        [one] { $count } membre votant
       *[other] { $count } membres votants
    } du groupe le jour de la réunion
ws-voter-list-round =
    { $count ->
        [one] { $count } votant
       *[other] { $count } votants
    }, liste arrêtée à l’ouverture du tour le { $date }
ws-attended = Présents
ws-quorum = Quorum
ws-quorum-reached = Atteint
ws-quorum-not-reached = Non atteint
ws-quorum-attended = { $voted } présents sur { $eligible }, { $needed } requis
ws-quorum-voted = { $voted } votes sur { $eligible }, { $needed } requis
ws-minutes-text = Le texte du procès-verbal
ws-oppositions = Oppositions
ws-oppositions-meeting =
    { $count }, maintenue{ $count ->
        [one] {""}
       *[other] s
    } en réunion : le procès-verbal indique comment le groupe { $count ->
        [one] l’a traitée
       *[other] les a traitées
    }
ws-oppositions-round = { $count }, chacune avec la réponse de l’animateur dans la liste des votants ci-dessus
ws-convenor-vote = Le vote de l’animateur
ws-did-not-vote = n’a pas voté
ws-convenor-not-voter = L’animateur ne figurait pas sur la liste des votants
ws-conflicts = Conflits d’intérêts
ws-conflicts-none = Aucun signalé ni déclaré
ws-agreed-text = Le texte adopté
ws-agreed-editorial = Modifié sur la forme par rapport au texte voté
ws-agreed-substantive = Modifié sur le fond : un nouveau tour vote sur le nouveau texte
ws-agreed-unchanged = Le texte voté, sans modification
ws-voted-text = Le texte voté
ws-the-difference = Les différences
ws-objections = Oppositions après décision
ws-objection-upheld = La décision n’a pas été maintenue : la demande est retournée au groupe.
ws-objection-open-meeting = Ouvert aux oppositions des membres votants absents jusqu’au { $until }
ws-objection-open = Ouvert aux oppositions des votants jusqu’au { $until }
ws-objection-none = Aucune avant le { $until } : la décision est maintenue
ws-flagged = Signalé
ws-none-declared = Aucun déclaré
ws-conflict-unanswered = Pas encore de réponse : pas de vote avant une déclaration ou la confirmation d’une absence de conflit.
ws-conflict-cleared = Absence de conflit d’intérêts confirmée.
ws-conflict-declared = Conflit déclaré
ws-conflict-allowed = Le vote compte comme exprimé : admis par { $name }
ws-conflict-abstention = Le vote compte comme une abstention, sauf si l’animateur l’admet.

## La consultation des organisations en liaison
ws-consultation = Consultation des organisations en liaison
ws-consultation-open = La réponse est soumise aux organisations en liaison jusqu’au { $until }.
ws-consultation-sent-back = Terminée le { $date } : la réponse a été renvoyée au groupe.
ws-consultation-ended = Ouverte le { $opened } ; le délai des organisations en liaison a pris fin le { $ended } ou toutes ont répondu.
ws-liaison-no-answer = pas encore de réponse
ws-liaison-comments = commentaires
ws-liaison-no-objection = pas d’objection
ws-liaison-response = La réponse
ws-liaison-response-label = Réponse à ces commentaires
ws-liaison-response-hint = Enregistrée avec la décision et montrée à l’organisation en liaison. Pour modifier plutôt la réponse, renvoyez-la au groupe.

## Les suites données
ws-follows-reconsideration = Réexamen de
ws-follows-correction = Correction de
ws-follows-information = Informations nouvelles sur
ws-follow-up-reasons = Les raisons du demandeur
ws-follow-up-changes = Ce que change la correction
ws-follow-up-sent = Les informations envoyées
ws-original-summary = { $reference } en l’état : { $state }
ws-original-history = , avec son historique
ws-closing-note = Note de clôture
ws-history-of = Historique de { $reference }
ws-followed-by = Réexamens et informations nouvelles
ws-follow-up-reconsideration = Réexamen
ws-follow-up-correction = Correction
ws-follow-up-information = Informations nouvelles
ws-follow-up-reconsideration-lodged = Réexamen demandé :
ws-follow-up-correction-lodged = Correction proposée au groupe :
ws-follow-up-information-lodged = Informations nouvelles reçues :
ws-follow-up-revised = réponse révisée, voir
ws-follow-up-is-revised = la réponse est révisée
ws-follow-up-stands = la décision est maintenue
ws-follow-up-event-stands = décision maintenue

## L'historique et les commentaires
ws-timeline = Historique
ws-received = Reçue
ws-actor-submitter = Le demandeur
ws-actor-sponsor = Le parrain
ws-actor-for-sponsor = { $name }, pour le parrain
ws-actor-someone = Quelqu’un
ws-wording-difference-note = Barré : le libellé retiré. Souligné : le libellé ajouté.
ws-no-comment = Pas encore de commentaire.
ws-submitted-wording = Tel que le demandeur l’a écrit
ws-submitted-wording-note = Le libellé public a été modifié ; voici ce que le demandeur a envoyé, conservé au dossier et jamais publié.

## Les recours
ws-appeals = Recours
ws-appeal-number = Recours { $number }
ws-from = de
ws-received-on = reçu le { $date }
ws-overdue = En retard
ws-appeal-due-acknowledge = accuser réception avant le { $date }
ws-appeal-due-refer = transmettre pour examen avant le { $date }
ws-appeal-due-decide = trancher avant le { $date }
ws-appeal-lodge = Enregistrer un recours
ws-appeal-lodge-note = reçu contre cette décision
ws-appeal-step-lodged = Formé : à accuser réception
ws-appeal-step-acknowledged = Réception accusée : à transmettre pour examen
ws-appeal-step-considering = En cours d’examen
ws-appeal-step-conciliation = En conciliation
ws-appeal-step-upheld = Tranché : la décision est maintenue
ws-appeal-step-allowed = Accueilli
ws-appealed-publication = la clarification publiée
ws-appealed-not-admissible = la clôture de la demande comme irrecevable
ws-appealed-no-consensus = la clôture de la demande sans consensus
ws-appealed-duplicate = la clôture de la demande comme doublon
ws-appealed-referral = le renvoi de la demande à un autre comité
ws-appellant-erased = le demandeur (nom effacé)
ws-appellant-address-erased = adresse effacée après la durée de conservation

## Ma file
ws-queue-lede = { $name } : ce qui vous attend, le plus urgent d’abord.
ws-queue-lede-secretariat = { $name }, secrétariat : ce qui vous attend, le plus urgent d’abord.
ws-sponsor-notice = Vous parlez au nom { DE($sponsor) } :
ws-sponsor-link = les demandes { DE($sponsor) }, et celles qui attendent sa décision
ws-setup-heading = Avant que les demandes puissent circuler
ws-setup-lede = Une nouvelle installation a besoin de ces trois choses. Cette liste disparaît une fois tout fait.
ws-setup-done = Fait
ws-setup-to-do = À faire
ws-setup-convenors = Inviter les animateurs.
ws-setup-convenors-done = Chaque groupe responsable d’une norme en vigueur a un animateur.
ws-setup-convenors-to-do =
    { $count ->
        [one] { $count } groupe responsable d’une norme en vigueur n’a pas encore d’animateur
       *[other] { $count } groupes responsables d’une norme en vigueur n’ont pas encore d’animateur
    } ; les demandes sur leurs normes ne peuvent donc pas être acceptées.
ws-setup-invite = Inviter un animateur
ws-setup-invite-or = , ou nommer animateur un membre sur la page du groupe.
ws-setup-registry = Vérifier le registre.
ws-setup-registry-done = Les normes, leurs groupes et les comités de renvoi ont été vérifiés.
ws-setup-registry-to-do = Les normes, les groupes qui en sont responsables et les comités auxquels les demandes sont renvoyées sont fournis avec l’installation.
ws-setup-registry-review = Relisez le registre
ws-setup-registry-confirm = , puis confirmez qu’il est juste.
ws-setup-registry-right = Le registre est juste
ws-setup-mail = Configurer le serveur de messagerie.
ws-setup-mail-done = Le courrier part vers le serveur indiqué dans
ws-setup-mail-to-do = Le courrier est écrit sous forme de fichiers dans le répertoire de données et n’atteint personne : indiquez votre serveur de messagerie dans
ws-setup-mail-to-do-end = { " " }et redémarrez.
ws-setup-mail-waiting = Voir le courrier en attente
ws-waiting-for-you = Ce qui vous attend
ws-queue-bad-page = Les pages de la file sont numérotées à partir de 1.
ws-first-page = Voir la première page
ws-queue-empty = Rien ne vous attend. Le travail nouveau arrive ici et par courriel.
ws-queue-pages =
    Votre file n’a { $count ->
        [one] qu’une page
       *[other] que { $count } pages
    }.
ws-last-page = Aller à la dernière page
ws-queue-page-of = Page { $page } sur { $pages }, { $per } par page.
ws-queue-pages-label = Pages de la file
ws-previous = Précédente
ws-next = Suivante
ws-task-screen = Examiner les nouvelles demandes
ws-task-screen-reply = Examiner à nouveau après une réponse
ws-task-reply-due-soon = Réponses attendues bientôt
ws-task-publish = Publier ou renvoyer
ws-task-with-liaisons = Chez les organisations en liaison
ws-task-respond-to-liaisons = Répondre aux commentaires des organisations en liaison
ws-task-round-overdue = Tours en retard
ws-task-open-round = Rédiger une réponse et ouvrir un tour
ws-task-answer-oppositions = Répondre aux oppositions
ws-task-close-rounds = Clore les tours
ws-task-no-quorum = Tours sans quorum
ws-task-vote = Voter
ws-task-open-to-objection = Ouvert à votre opposition
ws-task-appoint-convenor = Nommer un animateur
ws-to-do = À faire
ws-waiting = Attente
ws-item-screen = Examiner
ws-item-screen-reply = Réponse reçue : examiner à nouveau
ws-item-reply-due-soon = En attente du demandeur ; close bientôt
ws-item-with-liaisons = La réponse est chez les organisations en liaison
ws-item-with-liaisons-until = La réponse est chez les organisations en liaison jusqu’au { $date }
ws-item-respond-to-liaisons = Répondre aux commentaires des organisations en liaison, ou renvoyer
ws-item-round-overdue = Tour en retard
ws-item-close-overdue = Date limite passée : clore le tour
ws-item-close-all-in = Tous les votes sont là : clore le tour
ws-item-no-quorum = Date limite passée sans quorum : clore sans consensus
ws-item-vote = Voter sur le projet de réponse
ws-item-objection-until = Ouvert à votre opposition jusqu’au { $date }
ws-item-no-convenor = n’a pas d’animateur : nommez-en un
ws-item-appeal = Prochaine étape du recours
ws-item-due-by = à faire avant le { $date }
ws-late = { $age } de retard
ws-due-in = dans { $age }
ws-age-under-an-hour = moins d’une heure
ws-age-under-a-day = moins d’un jour
ws-age-hours =
    { $count ->
        [one] { $count } heure
       *[other] { $count } heures
    }
ws-age-days =
    { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
ws-unconvened = Groupes sans animateur
ws-unconvened-note = Aucune demande ne peut être acceptée pour ces groupes tant que chacun n’a pas d’animateur et un membre votant.
ws-answers-for = responsable { DE($standards) }
ws-by-state = Demandes par état

## Toutes les demandes
ws-requests = Demandes
ws-requests-lede = Toutes les demandes que vous pouvez lire : celles de vos groupes. Filtrez-les, cherchez-y, triez-les ; chaque adresse garde ses filtres.
ws-requests-lede-secretariat = Toutes les demandes que vous pouvez lire. Filtrez-les, cherchez-y, triez-les ; chaque adresse garde ses filtres.
ws-find-requests = Trouver des demandes
ws-search-label = Mots de la question, du contexte ou des commentaires, ou une référence
ws-search-placeholder = p. ex. CR-2026-0012, impartialité
ws-filter-summary = Filtrer par état, groupe, norme, article, date ou selon qui est attendu
ws-any-state = Tous les états
ws-any-group = Tous vos groupes
ws-all-standards = Toutes les normes
ws-clause-hint = 7.2 trouve aussi 7.2.1
ws-submitted-from = Envoyée à partir du
ws-date-hint = Une date comme 2026-01-31
ws-submitted-until = Envoyée jusqu’au
ws-day-included = Ce jour compris
ws-waiting-on = En attente de
ws-optional = (facultatif)
ws-waiting-anyone = N’importe qui
ws-waiting-me = Moi : dans ma file
ws-waiting-group = Mon groupe
ws-waiting-secretariat = Le secrétariat
ws-waiting-submitter = Le demandeur
ws-order = Ordre
ws-sort-newest = Les plus récentes d’abord
ws-sort-oldest = Les plus anciennes d’abord
ws-sort-reference = Par référence
ws-sort-changed = Dernière modification d’abord
ws-apply-filters = Appliquer les filtres
ws-clear-filters = Effacer les filtres
ws-results = Résultats
ws-in-no-group = Vous n’êtes membre d’aucun groupe de maintenance : aucune demande n’est donc à lire pour vous. Le secrétariat ajoute les personnes aux groupes ; demandez-lui si vous devriez faire partie de l’un d’eux.
ws-correct-filters = Corrigez les filtres ci-dessus pour voir la liste.
ws-no-match = Aucune demande ne correspond à ces filtres.
ws-see-every-request = Voir toutes les demandes
ws-no-request-yet = Il n’y a pas encore de demande. Les nouvelles demandes apparaissent ici une fois confirmées par leurs auteurs.
ws-list-pages =
    Il n’y a { $count ->
        [one] qu’une page
       *[other] que { $count } pages
    } de demandes.
ws-sorted-newest = les plus récentes d’abord
ws-sorted-oldest = les plus anciennes d’abord
ws-sorted-reference = par référence
ws-sorted-changed = dernière modification d’abord
ws-list-summary =
    { $count ->
        [one] 1 demande
       *[other] { $count } demandes
    }, { $order }.
ws-list-summary-range =
    { $count ->
        [one] 1 demande
       *[other] { $count } demandes
    }, { $first }–{ $last } affichées, { $order }.
ws-requests-caption = Demandes, page { $page } sur { $pages }
ws-submitted = Envoyée
ws-last-change = Dernière modification
ws-list-pages-label = Pages de demandes

## Le bandeau après une action
ws-done-accepted = Acceptée pour { $group } ; l’animateur a été prévenu.
ws-done-asked = Votre question a été envoyée au demandeur ; la demande attend sa réponse.
ws-done-not-admissible = Close comme irrecevable ; le demandeur a été informé du motif.
ws-done-referred = Renvoyée à l’autre comité ; le demandeur sait désormais où s’adresser.
ws-done-duplicate = Close comme ayant déjà reçu une réponse ; la clarification publiée a été envoyée au demandeur.
ws-done-reassigned = Réattribuée à { $group } ; ses membres ont été prévenus.
ws-done-wording-edited = Le libellé public a été enregistré ; celui du demandeur reste au dossier.
ws-done-wording-edited-moved = Le libellé public a été enregistré ; celui du demandeur reste au dossier. La nouvelle norme relève de { $group } : la demande y a été transférée, et ses membres ont été prévenus.
ws-done-commented = Votre commentaire a été ajouté.
ws-done-round-opened = Le tour est ouvert ; les votants ont été prévenus.
ws-done-voted = Votre vote a été enregistré.
ws-done-answered = Votre réponse à l’opposition a été enregistrée.
ws-done-consensus = Consensus constaté ; les votants ont été prévenus, et la réponse est prête à être publiée.
ws-done-no-consensus-yet = Le tour a été clos sans consensus ; le groupe a été prévenu.
ws-done-no-consensus = Close sans consensus ; le demandeur et le groupe ont été prévenus.
ws-done-published = Publiée ; le demandeur et les abonnés de la norme ont été prévenus.
ws-done-sent-back = Renvoyée au groupe ; ses membres ont été prévenus.
ws-done-liaison-responded = La réponse aux commentaires de l’organisation en liaison a été enregistrée.
ws-done-liaison-address-added = L’adresse a été ajoutée : l’organisation en liaison est désormais consultée sur chaque décision.
ws-done-liaison-address-removed = L’adresse a été retirée.
ws-done-liaison-answered = Merci : votre réponse a été enregistrée et le secrétariat peut la lire.
ws-done-marked = L’annotation a été enregistrée ; les abonnés de la norme ont été prévenus.
ws-done-objected = Votre opposition a été enregistrée ; l’animateur et le secrétariat ont été prévenus.
ws-done-meeting-recorded = La décision de la réunion a été enregistrée ; les membres votants absents ont été prévenus et peuvent s’y opposer.
ws-done-vote-allowed = Le vote compte désormais comme exprimé ; le motif est conservé dans le procès-verbal de décision.
ws-done-corrected = La version { $version } est publiée ; la précédente garde son adresse, et les abonnés de la norme ont été prévenus.
ws-done-correction-proposed = La correction est la demande { $reference }, à l’examen : acceptez-la pour le groupe, qui en décide ; sa réponse sera publiée comme prochaine version de la clarification.
ws-done-appeal-lodged = Le recours a été enregistré ; l’auteur du recours et le groupe ont été prévenus.
ws-done-appeal-step = L’étape du recours a été enregistrée ; l’auteur du recours et le groupe ont été prévenus.
ws-done-appeal-notice-public = Les pages publiques indiquent désormais que la décision fait l’objet d’un recours.
ws-done-appeal-notice-withdrawn = Les pages publiques ne mentionnent plus le recours.
ws-done-standard-added = La norme a été ajoutée.
ws-done-edition-added = La nouvelle édition a été ajoutée ; l’édition qu’elle remplace figure désormais comme remplacée.
ws-done-standard-saved = La norme a été enregistrée.
ws-done-group-added = Le groupe a été ajouté. Ajoutez son animateur et ses membres depuis sa page.
ws-done-member-added = Le membre a été ajouté.
ws-done-membership-saved = L’appartenance a été enregistrée.
ws-done-rules-saved = Les règles de clôture ont été enregistrées.
ws-done-member-removed = Le membre a été retiré du groupe. Ses votes et commentaires passés restent au dossier.
ws-done-organisation-added = L’organisation a été ajoutée.
ws-done-organisation-saved = L’adresse de contact a été enregistrée.
ws-done-committee-added =
    Le comité a été ajouté.{ $moved ->
        [0] {""}
        [one] {" "}Une désignation lui a été transférée depuis un autre comité.
       *[other] {" "}{ $moved } désignations lui ont été transférées depuis d’autres comités.
    }
ws-done-committee-saved =
    Le comité a été enregistré.{ $moved ->
        [0] {""}
        [one] {" "}Une désignation lui a été transférée depuis un autre comité.
       *[other] {" "}{ $moved } désignations lui ont été transférées depuis d’autres comités.
    }
ws-done-sponsor-endorsed = Vous avez parrainé { $reference } : elle part au secrétariat pour examen, et le demandeur est prévenu.
ws-done-sponsor-answered = Votre réponse à { $reference } a été envoyée au demandeur, avec copie au secrétariat, et la demande est close.
ws-done-sponsor-declined = Vous avez refusé { $reference } : le demandeur est informé de votre motif, et la demande est close.
ws-done-user-invited = L’invitation a été envoyée. Le compte devient utilisable dès que son titulaire choisit un mot de passe.
ws-done-user-deactivated = Le compte a été désactivé et ses sessions fermées. Son nom reste sur tout ce qu’il a fait.
ws-done-user-reactivated = Le compte a été réactivé. Son titulaire peut à nouveau se connecter.
ws-done-webhook-enabled = Le point d’accès est réactivé ; ce qui l’attendait est en cours d’envoi.
ws-done-webhook-disabled = Le point d’accès est désactivé ; les événements l’attendent jusqu’à ce que vous le réactiviez.
ws-done-webhook-removed = Le point d’accès a été supprimé avec son journal de livraison ; plus rien ne lui est envoyé.
ws-done-registry-checked = Le registre a été marqué comme vérifié.
ws-done-request-sent = Demande envoyée — référence { $reference }. Gardez l’adresse de cette page pour la suivre.
ws-done-replied = Votre réponse a été envoyée au secrétariat.
ws-done-withdrawn = Votre demande a été retirée.
ws-done-first-account = Votre compte de secrétariat est prêt et vous êtes connecté. Le lien d’installation ne fonctionne plus ; une confirmation a été envoyée à votre adresse.
ws-done-signed-out = Vous êtes déconnecté.
ws-done-password-set = Votre nouveau mot de passe est enregistré. Connectez-vous avec.
ws-done-reconsideration-asked = Votre demande de réexamen est envoyée — référence { $reference }. Cette page en suit le cours ; gardez son adresse.

## Le dossier
ws-compiled = établi le { $at }
ws-case-lede = Le dossier complet de cette demande, tous les tours compris, pour une instance de recours ou un audit.
ws-case-json = Le même dossier en JSON
ws-sponsor-label = Parrain
ws-shown-to-secretariat = Visible du secrétariat seulement
ws-erased = Données personnelles effacées
ws-erased-on = Données personnelles effacées le { $date }
ws-confirmed = Confirmée
ws-decided = Décidée
ws-published = Publiée
ws-to-consider = , à prendre en compte lors de la prochaine révision
ws-closed = Close
ws-the-answer = La réponse
ws-no-round = Aucun tour de consensus n’a été ouvert sur cette demande.
ws-follow-ups = Suites
ws-no-follow-ups = Aucune : cette demande ne fait suite à aucune autre, et aucune ne lui fait suite.
ws-versions = Versions
ws-never-corrected = Jamais corrigée : la publication est la version 1.
ws-not-published = Non publiée.
ws-version = Version { $number }
ws-change = Modification
ws-correction-editorial = Correction rédactionnelle
ws-correction-substantive = Correction décidée par le groupe
ws-first-publication = Première publication
ws-issued-by = Publiée par
ws-not-recorded = Non enregistré
ws-standard-and-clause = Norme et article
ws-appellant = Auteur du recours
ws-against = Contre
ws-acknowledge-by = Accusé de réception avant le
ws-decide-by = Décision avant le
ws-grounds = Motifs
ws-no-appeal = Aucun recours n’a été formé contre une décision sur cette demande.
ws-consultations = Consultations des organisations en liaison
ws-consultation-number = Consultation { $number }, ouverte le { $date }
ws-consultation-case-sent-back = La réponse a été renvoyée au groupe le { $at }.
ws-consultation-case-ends = Le délai des organisations en liaison prend fin le { $at }.
ws-consultation-case-ended = Le délai des organisations en liaison a pris fin le { $at }.
ws-no-answer = Pas de réponse.
ws-comments-label = Commentaires
ws-no-objection = Pas d’objection
ws-response-by = Réponse { DE($name) }
ws-someone = quelqu’un
ws-no-response-recorded = Aucune réponse enregistrée.
ws-no-consultation = Aucune organisation en liaison n’a été consultée sur les décisions de cette demande.

## Un recours
ws-appeal-on = Recours { $number } sur { $reference }
ws-next-step-due = prochaine étape avant le { $date }
ws-shown-publicly = Affiché publiquement
ws-not-done = Cela n’a pas été fait
ws-typed-kept = Ce que vous avez saisi est conservé ci-dessous : vérifiez la demande telle qu’elle est maintenant, puis envoyez de nouveau.
ws-appeal-next-step = La prochaine étape du recours
ws-move-acknowledge = Accuser réception du recours auprès de son auteur
ws-move-consider = Le transmettre à { $body } pour examen
ws-move-conciliate = Le porter en conciliation, comme { $body } l’a choisi
ws-move-upheld = Tranché : le recours n’est pas accueilli, la décision est maintenue
ws-move-back-to-group = Tranché : le recours est accueilli, la demande retourne au groupe
ws-move-withdrawn = Tranché : le recours est accueilli, la clarification est retirée
ws-move-superseded = Tranché : le recours est accueilli, la clarification est remplacée
ws-appeal-note-hint = Envoyée par courriel à l’auteur du recours et au groupe, et conservée au dossier. Une décision doit être motivée.
ws-superseded-legend = En cas de remplacement : ce qui remplace la clarification
ws-successor = La clarification qui la remplace
ws-successor-hint = Sa référence, par exemple CR-2026-0042 ; ou choisissez l’édition ci-dessous.
ws-or-edition = Ou la nouvelle édition
ws-no-edition = Aucune édition
ws-its-clause = Son article
ws-record-step = Enregistrer l’étape
ws-the-appeal = Le recours
ws-kind-member-body = organisme membre
ws-kind-liaison = organisation en liaison
ws-kind-submitter = le demandeur
ws-considered-by = Examiné par
ws-steps = Étapes
ws-appeal-notice = L’avis de recours
ws-public-notice = Avis public
ws-public-notice-label = Indiquer publiquement que la décision fait l’objet d’un recours
ws-public-notice-hint = Sur la page publique de la clarification, ou la page de suivi du demandeur ; une fois le recours tranché, c’est l’issue qui s’affiche.
ws-save = Enregistrer
ws-back-to-request = Retour à la demande
ws-lodge-on = Enregistrer un recours sur { $reference }
ws-lodge-lede = Enregistrez un recours reçu d’un organisme membre, d’une organisation en liaison ou du demandeur contre
ws-lodge-limits =
    Il doit faire l’objet d’un accusé de réception dans { $acknowledge ->
        [one] { $acknowledge } jour
       *[other] les { $acknowledge } jours
    } suivant sa réception et être tranché dans { $decide ->
        [one] { $decide } jour
       *[other] les { $decide } jours
    }, par { $body }. L’auteur du recours et le groupe sont informés de chaque étape par courriel.
ws-who-appeals = Qui forme le recours
ws-appellant-member-body = Un organisme membre
ws-appellant-liaison = Une organisation en liaison
ws-appellant-submitter = Le demandeur
ws-organisation = Organisation
ws-organisation-hint = Pour un organisme membre ou une organisation en liaison : l’organisation du registre qui forme le recours.
ws-choose-organisation = Choisissez l’organisation
ws-name = Nom
ws-name-hint = La personne qui a rédigé le recours.
ws-email = Adresse électronique
ws-email-hint = Là où l’auteur du recours est informé de chaque étape.
ws-grounds-label = Motifs du recours
ws-grounds-hint = Tels que l’auteur du recours les énonce ; conservés au dossier.
ws-date-received = Date de réception
ws-date-received-hint = Les délais courent à partir de ce jour.
ws-public-notice-lodge-hint = La page publique de la clarification, ou la page de suivi du demandeur, indique alors « fait l’objet d’un recours depuis » la date de réception, puis l’issue une fois tranché. Vous pourrez le modifier plus tard.
ws-lodge-submit = Enregistrer le recours
ws-cancel = Annuler

## Corriger une publication, et les aperçus
ws-correct-title = Corriger { $reference }
ws-corrected-version = Version corrigée
ws-version-in-force = version { $number } en vigueur
ws-correct-heading-of = Une version corrigée de { $reference }
ws-correct-lede =
    Corrigez les fautes de frappe, la formulation ou la mise en page de la question et de la réponse publiées.
    La clarification montre alors le texte corrigé comme version { $next }, avec votre note et la date ;
    la version { $current } garde sa propre adresse, et les abonnés de la norme sont prévenus.
ws-meaning-title = Un changement de sens relève du groupe
ws-meaning-text =
    « Aperçu de la page corrigée » publie des corrections rédactionnelles. Si la correction changeait le sens
    de la clarification, envoyez-la plutôt au groupe : elle devient une demande à part entière, liée à cette
    clarification, que vous examinez et que le groupe de maintenance tranche par consensus, comme il a décidé la réponse ;
    sa décision est ensuite publiée comme version suivante, avec votre note.
ws-as-published = Telle qu’elle sera publiée.
ws-what-corrected = Ce qui a été corrigé
ws-what-corrected-hint = Affiché publiquement avec la version corrigée, dans son entrée du flux et ses données, et envoyé aux abonnés de la norme.
ws-preview-corrected = Aperçu de la page corrigée
ws-send-to-group = Envoyer au groupe comme changement de sens
ws-preview-version-title = Aperçu de la version { $number } de { $reference }
ws-preview-corrected-crumb = Aperçu de la version corrigée
ws-preview-not-corrected = Aperçu : pas encore corrigée
ws-preview-corrected-text = Voici la page publique de { $reference } telle que chacun la lira une fois la version { $number } publiée, datée d’aujourd’hui. Rien ne change, et personne n’est prévenu, tant que vous ne la publiez pas.
ws-issue-version = Publier la version { $number }
ws-start-again = Recommencer
ws-preview-title = Aperçu de { $reference }
ws-preview-publish-crumb = Aperçu avant publication
ws-preview-not-published = Aperçu : pas encore publiée
ws-preview-publish-text = Voici la page publique de { $reference } telle que chacun la lira une fois publiée, datée d’aujourd’hui. Rien n’est public, et personne n’est prévenu, tant que vous ne publiez pas.

## Le libellé public
ws-wording-title = Libellé public de { $reference }
ws-public-wording = Libellé public
ws-wording-heading = Le libellé public de { $reference }
ws-wording-lede =
    La clarification publiée montre cette norme, cet article et cette question. Retirez les noms
    et tout ce qui identifie le demandeur, corrigez l’article, ou formulez la question de sorte qu’on puisse y répondre
    par oui ou par non. Les mots du demandeur restent au dossier, et chaque modification apparaît mot à mot dans l’historique.
ws-wording-standard-hint = Une norme relevant d’un autre groupe de maintenance transfère la demande à ce groupe, qui est prévenu.
ws-wording-clause-hint = Par exemple 7.2.1 ou Annexe A.2.
ws-wording-question-hint = Telle qu’elle sera publiée : sur l’intention de l’exigence, appelant si possible une réponse par oui ou par non, sans nom.
ws-wording-note = Pourquoi le libellé a changé
ws-wording-note-hint = Conservé au dossier avec la modification, pour le groupe et une instance de recours.
ws-wording-submit = Enregistrer le libellé public
ws-organisation-member-body = Organisme membre : { $name }
ws-organisation-liaison = Organisation en liaison : { $name }

## Pourquoi une action de la page d'une demande a été refusée
ws-refused-not-on-list = Vous ne figurez pas sur la liste des votants de ce tour : elle a été arrêtée à son ouverture, avec les membres votants du groupe à cette date. Vous pouvez encore commenter.
ws-refused-cannot-close = Le consensus ne peut pas encore être constaté :
ws-refused-unclassified = La réponse finale diffère du texte voté par le groupe. Précisez si la modification est rédactionnelle ou de fond.
ws-refused-editorial-reason = Donnez le motif de la modification rédactionnelle : il est conservé au dossier et envoyé à chaque votant.
ws-refused-no-opposition = Ce vote n’est pas une opposition dans le tour en cours.
ws-refused-objector-meeting = Seuls les membres votants du groupe absents de la réunion peuvent s’opposer à sa décision.
ws-refused-objector = Seuls les votants du tour peuvent s’opposer à sa décision.
ws-refused-window-closed = Le délai d’opposition a pris fin le { $until }.
ws-refused-conflict-unanswered = Votre vote n’est pas encore enregistré : vous êtes signalé pour un possible conflit d’intérêts
ws-refused-conflict-unanswered-end = . Déclarez le conflit, avec une note, ou confirmez que vous n’en avez pas, puis enregistrez votre vote.
ws-refused-conflict-note = Précisez dans une note en quoi consiste votre conflit d’intérêts : elle est conservée dans le procès-verbal de décision.
ws-refused-unknown-declaration = Indiquez si vous avez un conflit d’intérêts.
ws-refused-conflict-stands = Vous avez déclaré un conflit d’intérêts dans ce tour, et il reste au dossier ; vous pouvez reformuler sa note. L’animateur peut admettre votre vote.
ws-refused-no-declared-conflict = Ce votant n’a déclaré aucun conflit d’intérêts dans le tour en cours : son vote compte déjà comme exprimé.
ws-refused-own-conflict = Vous ne pouvez pas admettre votre propre vote malgré un conflit que vous avez déclaré : il compte comme une abstention.
ws-refused-allowance-reason = Donnez le motif pour lequel ce vote doit compter : il est conservé dans le procès-verbal de décision.
ws-refused-meeting = La décision de la réunion n’a pas été enregistrée :
ws-refused-consultation = La consultation des organisations en liaison ne le permet pas.
ws-refused-no-convenor = { $group } n’a pas d’animateur : personne n’ouvrirait de tour sur cette demande.
ws-refused-no-voter = { $group } n’a aucun membre votant : aucun tour sur cette demande ne pourrait aboutir au consensus.
ws-refused-add-one = Ajoutez-en un sur
ws-refused-group-page = la page de { $group }
ws-refused-try-again = , puis réessayez.
ws-meeting-no-date = Indiquez la date de la réunion.
ws-meeting-unreadable-date = Indiquez la date de la réunion sous forme de date, par exemple 2026-03-10.
ws-meeting-future-date = La réunion ne peut pas être dans le futur : indiquez le jour où elle s’est tenue.
ws-meeting-before-request = La réunion ne peut pas avoir tranché cette demande avant sa réception le { $date }.
ws-meeting-no-attendee = Indiquez qui était présent : choisissez la position d’au moins un membre.
ws-meeting-unknown-positions = Choisissez dans la liste la position de chaque présent.
ws-meeting-unknown-position = Choisissez dans la liste la position { DE($name) }.
ws-meeting-someone-not-voter = Une personne indiquée comme présente n’était pas membre votant du groupe le jour de la réunion.
ws-meeting-not-voter = { $name } n’était pas membre votant du groupe le jour de la réunion.
ws-meeting-too-few =
    Le groupe comptait { $eligible ->
        [one] { $eligible } membre votant
       *[other] { $eligible } membres votants
    } ce jour-là et en exige { $needed } pour décider : ajoutez d’abord des membres sur la page du groupe.
ws-meeting-no-quorum = Le quorum n’est pas atteint : { $attended } des { $eligible } membres votants du groupe étaient présents, et le groupe en exige au moins { $needed }.
ws-meeting-no-minutes = Donnez la référence du procès-verbal, ou collez-le.
ws-meeting-reference-too-long = Réduisez la référence du procès-verbal à 500 caractères au plus.
ws-meeting-minutes-too-long = Réduisez le procès-verbal à 40 000 caractères au plus, ou donnez plutôt sa référence.
ws-meeting-no-answer = Écrivez la réponse décidée en réunion.
ws-meeting-answer-too-long = Réduisez la réponse à 10 000 caractères au plus.

## Ce que le dossier garde tel que le système le formule, dans la langue de
## l’installation : le résumé d’un marquage dans l’historique, la note d’un
## bandeau
record-marked = { $what } : { $note }
record-superseded-by = Remplacée par { $reference }
record-superseded-by-edition = Remplacée par { $standard }
record-superseded-by-clause = Remplacée par { $standard }, article { $clause }
record-incorporated-into-edition = Intégrée à { $standard }
record-incorporated-into-clause = Intégrée à { $standard }, article { $clause }
record-withdrawn = Retirée
record-revised-on-reconsideration = Réponse révisée après réexamen : { $reference }.
record-revised-on-new-information = Réponse révisée sur un élément nouveau : { $reference }.
