## Le registre public : la liste des clarifications, la page d’une
## clarification et ses versions, les pages d’une norme, le suivi d’une
## norme par courriel, les flux Atom et les documents PDF.

register-breadcrumb = Fil d’Ariane
register-standard-clause = { $standard }, article { $clause }
register-clause-capital = Article { $clause }
register-clause = Article
register-question = Question
register-answer = Réponse
register-reference = Référence
register-published = Publiée
register-status = Statut
register-version = Version
register-sample = Exemple
register-sample-word = exemple
register-the-secretariat = Le secrétariat
register-atom = Flux Atom
register-atom-of-standard = Flux Atom de cette norme
register-none-at-present = Aucune pour l’instant.
register-in-clause-order = Dans l’ordre des articles
register-page-of =  ; page { $number } sur { $pages }
register-or = ou

## Statut d’une clarification publiée
register-status-current = En vigueur
register-status-superseded = Remplacée
register-status-incorporated = Intégrée à une nouvelle édition
register-status-withdrawn = Retirée

## Listes paginées
register-pagination = Pagination
register-previous = Précédente
register-next = Suivante
register-page-word = Page
register-showing = , affichage { $first }–{ $last }
register-go-to-last-page = Aller à la dernière page
register-paging-find = Chercher
register-paging-only-pages = { $count ->
    [one] Il n’y a qu’une page de { $things }.
   *[other] Il n’y a que { $count } pages de { $things }.
}

## La liste des clarifications
register-published-clarifications = Clarifications publiées
register-quoted = « { $words } »
register-list-lede =
    Les réponses des groupes de maintenance sur l’intention des exigences. Une clarification
    n’est pas une nouvelle exigence et n’engage personne ; elle est prise en compte à la prochaine révision de la norme.
register-search-label = Rechercher dans les clarifications
register-words-label = Mots de la question ou de la réponse
register-filter-by = Filtrer par norme, article, année ou statut
register-all-standards = Toutes les normes
register-superseded-option = { $standard } (remplacée)
register-clause-hint = 7.2 trouve aussi 7.2.1
register-year-published = Année de publication
register-any-year = Toutes les années
register-any-status = Tous les statuts
register-apply-filters = Appliquer les filtres
register-clear-search = Effacer la recherche
register-results = Résultats
register-no-match = Aucune clarification publiée ne correspond à cette recherche.
register-try-fewer-words = Essayez moins de mots ou d’autres mots : un terme de la norme (« compétence », « règle de décision ») plutôt qu’une phrase entière.
register-search-without-filters = Rechercher à nouveau sans les filtres
register-look-through = Parcourez les clarifications d’une norme, article par article, depuis
register-the-list-of-standards = la liste des normes
register-still-no-answer = Toujours pas de réponse ?
register-ask-the-group = Interrogez le groupe de maintenance
register-only-pages = { $count ->
    [one] Il n’y a qu’une page de résultats.
   *[other] Il n’y a que { $count } pages de résultats.
}
register-for-words = pour « { $words } »
register-newest-first = , les plus récentes d’abord
register-best-first = , les plus pertinentes d’abord
register-broadened = Aucune clarification ne contient tous ces mots ; celles-ci en contiennent une partie.
register-open-data = Cette liste en données ouvertes :

## La page d’une clarification
register-banner-superseded = Cette clarification est remplacée
register-replaced-by-clarification = Elle est remplacée par la clarification
register-replaced-by = Elle est remplacée par
register-banner-incorporated = Intégrée à une nouvelle édition de la norme
register-now-part-of = Elle fait désormais partie de
register-banner-withdrawn = Cette clarification est retirée
register-superseded-edition-note = (édition remplacée)
register-decided-on = Décidée le { $date }
register-published-on = Publiée le { $date }
register-corrected-on-version = Corrigée le { $date } (version { $version })
register-corrected-title = Corrigée le { $date } : version { $version }
register-version-history = Historique des versions
register-version-history-note =  : chaque version antérieure garde sa propre adresse.
register-sample-note = Ceci est une clarification d’exemple, montrée pour présenter le registre. Ce n’est pas une réponse d’un groupe de maintenance.
register-what-note =
    Elle exprime le consensus du groupe de maintenance sur l’intention d’une exigence. Ce n’est pas une nouvelle exigence,
    elle n’engage personne et n’est examinée pour être intégrée à la norme que lors de la révision de celle-ci.
register-cite-heading = Citer cette clarification
register-version-n = version { $version }
register-cite-clarification-on = clarification { $reference }, { $standard }
register-corrected-lower = corrigée le { $date }
register-permanent-link = Lien permanent :
register-this-version = Cette version, telle quelle :
register-as-document = En document :
register-pdf-of-version = { $designation }, version { $version } (PDF)
register-about-clarification = À propos de cette clarification
register-details = Détails
register-number = Numéro
register-clarification-n = Clarification { $number }
register-all-of-edition-pdf = Toutes celles de cette édition (PDF)
register-answered-by = Réponse de
register-history = Historique
register-supersedes = Remplace
register-next-revision = Prochaine révision
register-to-be-considered = À examiner
register-incorporated = Intégrée
register-not-flagged = Non signalée
register-related = Clarifications liées
register-related-none = Aucune autre sur l’article { $clause } de cette norme.
register-related-all = Les { $count } de l’article { $clause } et de ses subdivisions
register-another-question = Une autre question sur cet article ?
register-send-new-information = Envoyer un élément nouveau sur cette réponse
register-send-new-information-note =  : un élément que le groupe n’a pas pris en compte
register-as-json = Cette clarification en JSON

## Les versions d’une clarification
register-version-title = Version { $version }
register-newer-exists = Il existe une version plus récente de cette clarification
register-this-is-version = Ceci est la version { $version }, conservée à son adresse permanente.
register-read-current = Lire la version en vigueur ({ $version })
register-see-every-version = voir toutes les versions
register-versions = Versions
register-versions-of = Versions de { $reference }
register-versions-lede =
    Chaque version garde sa propre adresse, pour quiconque l’a citée. Les corrections rédactionnelles
    reprennent la formulation ; un changement de sens est décidé par le groupe de maintenance.
register-versions-caption = Toutes les versions de { $reference }, de la plus récente à la plus ancienne
register-issued = Émise
register-change = Modification
register-note = Note
register-current-mark = (en vigueur)
register-change-editorial = Correction rédactionnelle
register-change-substantive = Corrigée selon la décision du groupe
register-change-first = Première publication

## Un appel rendu public
register-appeal-since = En appel depuis le { $date }
register-appeal-pending = Un appel contre cette décision est en cours d’examen. La décision reste valable jusqu’à ce qu’il soit tranché.
register-appeal-decided = Appel tranché le { $date }
register-appeal-not-allowed = L’appel contre cette décision a été rejeté : la décision reste valable.
register-appeal-allowed = L’appel contre cette décision a été accueilli.

## Les pages d’une norme
register-edition-superseded = Cette édition est remplacée
register-edition-replaced-by = Elle a été remplacée par
register-new-requests-current = Les nouvelles demandes portent sur l’édition en vigueur.
register-current-edition = Édition en vigueur
register-none-on-edition = Aucune clarification n’a encore été publiée sur cette édition.
register-ask-about-clause = Demander la clarification d’un article
register-search-them = Les rechercher
register-or-read-all = ou les lire toutes, dans l’ordre de leurs numéros, en
register-one-pdf = un seul document PDF
register-by-clause-label = Clarifications par article
register-revision-by-clause-label = Pour la prochaine révision, par article
register-backlog-note =
    Les clarifications publiées que le groupe de maintenance a signalées pour examen lors de la révision
    de cette norme, et pas encore intégrées à une nouvelle édition.
register-revision-lede =
    Les clarifications publiées que le groupe de maintenance a signalées pour examen lors de la révision
    { DE($standard) }, et pas encore intégrées à une nouvelle édition.
register-whole-list = La liste complète : { $count } clarifications
register-about-standard = À propos de cette norme
register-group-answers = Le { $group } répond aux demandes sur cette norme.
register-routed-by-hand = Le secrétariat oriente à la main les demandes sur cette norme.
register-question-about-clause = Une question sur un article ?
register-ask-the-group-intent = Demandez au groupe de maintenance quelle est l’intention d’une exigence.
register-follow-standard = Suivre cette norme
register-follow-note = Soyez informé par courriel de chaque clarification publiée sur cette norme, et de chacune qui est remplacée ou intégrée.
register-follow-by-email = Suivre par courriel
register-other-editions = Autres éditions
register-superseded-mark = (remplacée)

## Suivre une norme par courriel
register-sub-title = Suivre { $standard } par courriel
register-sub-new-lede =
    Recevez un message chaque fois qu’une clarification { DE($standard) } est publiée, et lorsqu’une
    clarification publiée est marquée remplacée, intégrée à une nouvelle édition ou retirée.
register-sub-superseded-note =
    Cette édition est remplacée. Aucune nouvelle clarification n’est publiée sur elle, mais ses clarifications peuvent encore
    être marquées intégrées ou retirées.
register-sub-wait = Veuillez patienter avant d’envoyer à nouveau
register-sub-email = Adresse électronique
register-sub-email-hint = Nous envoyons d’abord un lien pour la confirmer. L’adresse ne sert qu’à ces messages et n’est jamais montrée à personne.
register-sub-follow = Suivre { $standard }
register-sub-stop-link-note = Chaque message contient un lien pour les arrêter, qui prend effet immédiatement.
register-sub-check-email = Consultez votre messagerie
register-sub-almost-done = C’est presque fini
register-sub-sent-lede = Si cette adresse ne suit pas encore { $standard }, nous lui avons envoyé un message.
register-sub-open-link = Ouvrez le lien qu’il contient et appuyez sur
register-sub-to-start = pour commencer à recevoir les nouvelles.
register-sub-link-works = Le lien est valable 72 heures. Sans confirmation, rien n’est envoyé et l’adresse est supprimée.
register-sub-no-message = Pas de message ? Regardez dans vos indésirables. S’il n’y est pas, l’adresse a peut-être été mal saisie :
register-sub-enter-again = saisissez-la à nouveau
register-sub-back-to = Retour à { $standard }
register-sub-confirm-title = Confirmer : suivre { $standard }
register-sub-last-step = Une dernière étape
register-sub-confirm-heading = Suivre { $standard } ?
register-sub-confirm-lede =
    Appuyez sur le bouton pour confirmer votre adresse électronique. Vous recevrez ensuite un message chaque fois
    qu’une clarification { DE($standard) } est publiée, remplacée, intégrée à une nouvelle édition ou retirée.
register-sub-did-not-ask =
    Vous n’avez rien demandé ? Fermez cette page : sans confirmation, rien n’est envoyé et l’adresse est
    supprimée après 72 heures.
register-sub-you-follow = Vous suivez { $standard }
register-sub-you-now-follow = Vous suivez désormais { $standard }
register-sub-following-lede =
    Nous vous écrirons chaque fois qu’une clarification { DE($standard) } est publiée, et
    lorsqu’une clarification publiée est marquée remplacée, intégrée à une nouvelle édition ou retirée.
register-sub-address-only = Votre adresse ne sert qu’à ces messages et n’est jamais montrée à personne.
register-sub-every-message-ends =
    Chaque message se termine par un lien qui les arrête immédiatement ; votre logiciel de messagerie peut aussi proposer
    un bouton « Se désabonner ». Vous pouvez aussi
register-sub-stop-following-link = cesser de suivre { $standard }
register-sub-now = dès maintenant.
register-sub-read-clarifications = Lire les clarifications { DE($standard) }
register-sub-stop-title = Cesser de suivre { $standard }
register-sub-stop-heading = Cesser de suivre { $standard } ?
register-sub-stop-lede =
    Vous ne recevrez plus de message lorsqu’une clarification { DE($standard) } est
    publiée ou marquée, et votre adresse sera supprimée.
register-sub-stop-button = Arrêter ces messages
register-sub-keep = Continuer à suivre
register-sub-no-longer-title = Vous ne suivez plus cette norme
register-sub-no-longer-about = Vous ne recevez plus de messages sur { $standard }
register-sub-no-longer-these = Vous ne recevez plus ces messages
register-sub-deleted =
    Votre adresse a été supprimée de la liste. Plus rien ne lui sera envoyé au sujet de cette
    norme.
register-sub-changed-mind = Vous avez changé d’avis ?
register-sub-follow-again = Suivre à nouveau { $standard }

## Les flux Atom
register-feed-title = { $site } : nouvelles clarifications
register-feed-standard-title = { $site } : clarifications { DE($standard) }
register-feed-subtitle = Réponses des groupes de maintenance sur l’intention des exigences. Une clarification n’est pas une nouvelle exigence et n’engage personne.
register-feed-sample = Une clarification d’exemple, montrée pour présenter le registre ; ce n’est pas une réponse d’un groupe de maintenance.
register-non-binding = Une clarification exprime le consensus du groupe de maintenance sur l’intention d’une exigence. Ce n’est pas une nouvelle exigence, elle n’engage personne et n’est examinée pour être intégrée à la norme que lors de sa révision.

## Les documents PDF
register-pdf-page = page
register-pdf-corrected = Corrigée le { $date }
register-pdf-answered-by = Réponse de
register-pdf-the-secretariat = le secrétariat
register-pdf-cite-as = Citer ainsi :
register-pdf-set-title = { $standard } : clarifications
register-pdf-set-count = { $count ->
    [one] { $count } clarification publiée, dans l’ordre des numéros
   *[other] { $count } clarifications publiées, dans l’ordre des numéros
}
register-pdf-compiled = Compilé le { $date }

## L’administration du registre : les normes et les nouveaux groupes
register-admin-registry = Registre
register-admin-add-standard = Ajouter une norme
register-admin-add-lede =
    Une nouvelle norme, ou une nouvelle édition d’une norme déjà enregistrée. La désignation et l’année
    de l’édition l’identifient et ne peuvent plus être modifiées ensuite.
register-admin-designation = Désignation
register-admin-designation-hint = Comme sur la couverture, sans l’année de l’édition, par exemple ISO/IEC 17025.
register-admin-edition = Édition
register-admin-edition-hint = L’année de publication, par exemple 2017.
register-admin-title-hint = Le titre officiel anglais.
register-admin-title-fr = Titre français
register-admin-title-fr-hint = Le titre officiel français, tel que l’ISO le publie ; sans lui, les pages en français montrent le titre anglais.
register-admin-responsible-group = Groupe de maintenance responsable
register-admin-group-hint-new = Le groupe qui répond aux demandes sur cette norme.
register-admin-group-hint-edit = Les demandes confirmées à partir de maintenant vont à ce groupe ; celles déjà orientées restent où elles sont.
register-admin-no-group = Pas encore de groupe
register-admin-supersedes = Remplace { $standard }
register-admin-supersedes-hint = L’édition précédente reste dans la liste, marquée comme remplacée, avec ses clarifications publiées ; les nouvelles demandes portent sur la nouvelle édition.
register-admin-add-the-standard = Ajouter la norme
register-admin-cancel = Annuler
register-admin-edit = Modifier { $standard }
register-admin-edit-lede = La désignation et l’édition identifient la norme et son adresse publique
register-admin-edit-lede-stay =  ; elles restent donc telles quelles. Pour enregistrer
    une nouvelle édition,
register-admin-add-as-new = ajoutez-la comme nouvelle norme
register-admin-save-standard = Enregistrer la norme
register-admin-list-lede =
    Toutes les normes et éditions du registre, avec le groupe de maintenance qui en répond.
    Les éditions remplacées restent dans la liste pour que leurs clarifications restent consultables.
register-admin-find-standard = Trouver une norme par désignation ou titre
register-admin-matching = Normes correspondant à « { $words } »
register-admin-none-yet = Il n’y a encore aucune norme.
register-admin-none-matches = Aucune norme ne correspond à « { $words } ».
register-admin-show-every = Afficher toutes les normes
register-admin-standard-singular = norme
register-admin-standards-plural = normes
register-admin-group = Groupe
register-admin-actions = Actions
register-admin-by = par { $standard }
register-admin-edit-link = Modifier
register-admin-new-edition = Nouvelle édition
register-admin-of = { DE($designation) }
register-admin-pages-of-standards = Pages de normes
register-admin-groups = Groupes de maintenance
register-admin-add-group = Ajouter un groupe de maintenance
register-admin-add-a-group = Ajouter un groupe
register-admin-group-lede =
    Une fois le groupe créé, ajoutez son animateur et ses membres depuis sa page, et rendez-le
    responsable de normes depuis les pages des normes.
register-admin-code = Code
register-admin-code-hint = Un code court, unique dans le registre, par exemple MG 17025.
register-admin-name = Nom
register-admin-name-hint = Par exemple : Maintenance group for ISO/IEC 17025.
register-admin-name-fr = Nom français
register-admin-name-fr-hint = Affiché sur les pages en français ; sans lui, elles montrent le nom anglais. Par exemple : Groupe de maintenance de l’ISO/IEC 17025.
register-admin-add-the-group = Ajouter le groupe

## La recherche d’une copie statique (clarion export --site)
register-site-lede =
    Une copie du registre publié. Les mots sont cherchés dans l’article, la question
    et la réponse.
register-site-none = Aucune clarification ne correspond à cette recherche. Essayez moins de mots ou d’autres mots, ou parcourez une norme ci-dessous.
register-site-one = 1 clarification correspond.
register-site-many = {"{"}count{"}"} clarifications correspondent.
register-site-more = Les {"{"}shown{"}"} premières sont affichées : ajoutez un mot ou choisissez une norme pour affiner la recherche.
register-site-clause = article
register-site-browse = Parcourir par norme
register-site-noscript = La recherche dans cette copie nécessite JavaScript. Chaque norme liste ses clarifications article par article.
