## Comment cette langue écrit les dates (strftime de chrono, nom de locale).
date-format = %-d %B %Y
date-long-format = %-d %B %Y
date-locale = fr_FR

## La mise en page commune
language-name = Français
skip-to-main = Aller au contenu principal
site-tagline = Clarifications des normes ISO/IEC d’évaluation de la conformité
signed-in-as = Connecté en tant que
sign-out = Se déconnecter
sign-in = Se connecter
nav-main = Principale
nav-clarifications = Clarifications
nav-standards = Normes
nav-ask = Demander une clarification
nav-workspace = Espace de travail
footer-what-title = Ce qu’est une clarification
footer-what-text =
    Une clarification consigne la position à laquelle le groupe de maintenance
    responsable est parvenu par consensus sur le sens voulu d’une exigence.
    Elle n’ajoute ni ne modifie aucune exigence et n’a aucun effet
    contraignant. Elle n’est prise en compte pour le texte de la norme qu’à
    la prochaine révision de celle-ci.
footer-using = Utiliser { $site }
footer-about-process = À propos du processus
footer-other-standard = Votre question porte-t-elle sur une autre norme ?
footer-open-data = Données ouvertes
footer-atom = Flux Atom des nouvelles clarifications
footer-csv = Toutes les clarifications au format CSV
footer-openapi = Description de l’API (OpenAPI, en anglais)
language-switch = Langue
language-switch-button = Afficher les pages dans cette langue
language-page-title = Langue
language-page-lead = Choisissez la langue dans laquelle Clarion affiche ses pages et envoie ses courriels.

## Mots communs à plusieurs pages
search = Rechercher
clause-number = article { $clause }
published-on = publiée le { $date }

## La page d’accueil
home-title = Clarifications des normes d’évaluation de la conformité
home-heading = Trouver le sens d’une exigence
home-lede =
    { $site } publie les clarifications que les groupes de maintenance du comité de l’ISO
    pour l’évaluation de la conformité (CASCO) donnent sur l’intention des exigences de
    l’ISO/IEC 17025, de l’ISO/IEC 17021-1, de l’ISO/IEC 17065 et des autres normes de la
    boîte à outils ({ $count } en tout), et reçoit les nouvelles demandes de clarification.
home-search-label = Rechercher dans les clarifications publiées
home-search-placeholder = p. ex. incertitude de mesure, impartialité, 7.2.1
home-browse-standards = Parcourir les normes
home-latest = Dernières clarifications
home-none-yet =
    Aucune clarification n’a encore été publiée. Lorsqu’un groupe de maintenance parvient à un
    consensus sur une demande, sa réponse apparaît ici.
home-all-clarifications = Toutes les clarifications
home-process = Le déroulement d’une demande de clarification
home-step-send = Vous envoyez une demande
home-step-send-note = Elle porte sur un article d’une norme et demande quelle est l’intention de son exigence. Aucun compte n’est nécessaire : vous confirmez votre adresse électronique et recevez un lien de suivi personnel.
home-step-screen = Le secrétariat l’examine
home-step-screen-note = Une demande doit porter sur l’intention d’une exigence, et non sur un conseil pour un cas particulier ni sur une nouvelle exigence. Les questions sur les normes d’autres comités leur sont transmises.
home-step-answer = Le groupe de maintenance répond
home-step-answer-note = Le groupe responsable de la norme rédige une réponse et la diffuse pour consensus : accord général, sans opposition ferme sur des aspects essentiels. Chaque opposition est consignée avec la réponse qui lui est faite.
home-step-publish = La réponse est publiée
home-step-publish-note = Sans votre nom. Elle n’a aucun effet contraignant et est prise en compte lors de la prochaine révision de la norme.
home-other-standard = Votre question porte-t-elle sur l’ISO 9001, l’ISO/IEC 27001 ou une autre norme absente de cette liste ?
home-find-committee = Trouvez le comité dont elle relève

## Pages d’erreur
error-status = Erreur { $status }
error-go-back = Revenir en arrière
error-home = Aller à la page d’accueil
error-back-to-form = Revenir au formulaire
error-expired-title = Ce formulaire a expiré
error-expired-text = Pour votre protection, chaque formulaire porte un jeton de sécurité lié à ce navigateur, et celui qui a été envoyé ne correspondait pas. Cela arrive quand une page est restée ouverte longtemps, quand les témoins (cookies) sont bloqués pour ce site ou quand le formulaire a été envoyé depuis un autre site. Rien n’a été enregistré. Revenez en arrière, rechargez la page et envoyez de nouveau le formulaire.
error-conflict-title = Cette action n’a pas pu être effectuée
error-conflict-text = Rien n’a été modifié.
error-not-found-title = Page introuvable
error-not-found-text = Il n’y a rien à cette adresse. Si vous l’avez saisie, vérifiez-la ; si vous avez suivi un lien, il est peut-être périmé. Vous pouvez plutôt rechercher dans les clarifications publiées ou parcourir les normes.
error-too-large-title = Votre envoi est trop volumineux
error-too-large-text = Un formulaire peut contenir au plus 64 Kio de texte. Rien n’a été enregistré. Revenez en arrière, raccourcissez les champs les plus longs et envoyez de nouveau le formulaire.
error-unreadable-title = Nous n’avons pas pu lire votre envoi
error-unreadable-text = Le formulaire est arrivé sous une forme que nous n’avons pas pu comprendre. Rien n’a été enregistré. Revenez en arrière, rechargez la page et réessayez.
error-too-many-title = Trop de tentatives
error-too-many-text = Vous avez envoyé ceci trop de fois en peu de temps. Rien de plus n’a été enregistré. Veuillez patienter un moment, puis réessayer.
error-bad-request-title = Nous n’avons pas compris cette requête
error-bad-request-text = Une partie de l’adresse ou de l’envoi n’est pas valide. Rien n’a été enregistré.
error-method-title = Cette action n’est pas disponible ici
error-method-text = Cette adresse n’accepte pas ce type de requête. Utilisez les liens et les boutons des pages.
error-unavailable-title = Service momentanément indisponible
error-unavailable-text = Le service est surchargé ou sa base de données est injoignable pour le moment. Rien n’a été enregistré. Veuillez réessayer dans une minute.
error-internal-title = Un problème est survenu de notre côté
error-internal-text = Nous n’avons pas pu mener ceci à bien. Le problème a été consigné et rien n’a été enregistré à moitié. Veuillez réessayer plus tard.

## Les normes
standard = Norme
title = Titre
maintenance-group = Groupe de maintenance
none-assigned = Aucun groupe désigné
for-next-revision = Pour la prochaine révision
superseded = Remplacée
clarification-count = { $count ->
    [one] { $count } clarification
   *[other] { $count } clarifications
}
standards-lede =
    Les normes d’évaluation de la conformité dont les exigences peuvent être clarifiées ici,
    avec le groupe de maintenance responsable de chacune.
standards-in-force = En vigueur ({ $count })
standards-in-force-label = Normes en vigueur
standards-superseded = Éditions remplacées ({ $count })
standards-superseded-note = Les clarifications publiées sur ces éditions restent consultables ; les nouvelles demandes portent sur l’édition en vigueur.

## Formulaires
form-problem = Il y a un problème
form-optional = (facultatif)
form-error = Erreur :
# After the title of a paged list, past its first page.
title-page-of = (page { $number } sur { $pages })
form-honeypot = Laissez ce champ vide
form-check-filters = Vérifiez les filtres
form-check-search = Vérifiez la recherche
nothing-changed = Rien n’a été modifié.
downloads-busy = Trop de téléchargements sont en cours. Votre demande n’a rien d’anormal : réessayez dans { $seconds } secondes.
